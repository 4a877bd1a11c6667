package org.newsroom.gateway.page;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Runs one piece of work per key at a time, however many ask: the first caller starts it, every
 * caller that asks while it runs gets the same result. The work runs to its end even when the
 * caller that started it goes away (its result is wanted by the others, and by a cache), with the
 * first caller's Reactor context (its request id goes with the calls it makes).
 */
public final class Coalescing<K, V> {

	private final Map<K, Mono<V>> running = new ConcurrentHashMap<>();

	/** The result of the work for {@code key}, started now or shared with a run already under way. */
	public Mono<V> run(K key, Supplier<Mono<V>> work) {
		return Mono.deferContextual(context -> {
			Sinks.One<V> result = Sinks.one();
			Mono<V> shared = result.asMono();
			Mono<V> earlier = running.putIfAbsent(key, shared);
			if (earlier != null) {
				return earlier;
			}
			Mono.defer(work).contextWrite(context).subscribe(value -> {
				running.remove(key, shared);
				result.tryEmitValue(value);
			}, error -> {
				running.remove(key, shared);
				result.tryEmitError(error);
			}, () -> {
				running.remove(key, shared);
				result.tryEmitEmpty();
			});
			return shared;
		});
	}

	/** Whether work for {@code key} is under way. */
	public boolean running(K key) {
		return running.containsKey(key);
	}
}
