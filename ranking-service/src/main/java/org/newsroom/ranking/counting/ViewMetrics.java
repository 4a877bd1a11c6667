package org.newsroom.ranking.counting;

import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * What happened to every view, as Prometheus counters ({@code ranking_views_total{outcome}} and
 * {@code ranking_views_stored_total}). Once the flusher is idle,
 * {@code outcome="accepted"} equals {@code stored}: the benchmark and the operators reconcile
 * with these.
 */
@Component
public class ViewMetrics {

	private final Counter accepted;
	private final Counter duplicate;
	private final Counter bot;
	private final Counter addressLimit;
	private final Counter unpublished;
	private final Counter rejected;
	private final Counter overloaded;
	private final Counter stored;
	private final Counter flushFailures;

	public ViewMetrics(MeterRegistry registry) {
		accepted = outcome(registry, "accepted", "counted; will be (or has been) stored");
		duplicate = outcome(registry, "duplicate", "same visitor and article within the dedupe window");
		bot = outcome(registry, "bot", "user agent of a known bot or crawler, or none");
		addressLimit = outcome(registry, "address-limit", "over the per-address limit for the article");
		unpublished = outcome(registry, "unpublished", "article not published (unknown, draft or withdrawn)");
		rejected = outcome(registry, "rejected", "invalid batch item (id, visitor or time)");
		overloaded = outcome(registry, "overloaded", "refused with 503 because the buffers were full");
		stored = Counter.builder("ranking.views.stored").description("views written to the store and acknowledged")
			.register(registry);
		flushFailures = Counter.builder("ranking.flush.failures").description("flush attempts that failed and will be retried")
			.register(registry);
	}

	private static Counter outcome(MeterRegistry registry, String outcome, String description) {
		return Counter.builder("ranking.views").tag("outcome", outcome).description("views received, by outcome: " + description)
			.register(registry);
	}

	public void accepted(long views) {
		accepted.increment(views);
	}

	public void duplicate(long views) {
		duplicate.increment(views);
	}

	public void bot() {
		bot.increment();
	}

	public void addressLimit() {
		addressLimit.increment();
	}

	public void addressLimit(long views) {
		addressLimit.increment(views);
	}

	public void unpublished(long views) {
		unpublished.increment(views);
	}

	public void rejected(long views) {
		rejected.increment(views);
	}

	public void overloaded(long views) {
		overloaded.increment(views);
	}

	void stored(long views) {
		stored.increment(views);
	}

	void flushFailed() {
		flushFailures.increment();
	}

	/** This process's counts so far, for the shutdown log. */
	String lifetime() {
		return String.format(Locale.ROOT,
				"%,d accepted, %,d stored, %,d duplicate, %,d unpublished, %,d bot, %,d over the address limit, "
						+ "%,d refused as overloaded, %,d invalid",
				(long) accepted.count(), (long) stored.count(), (long) duplicate.count(), (long) unpublished.count(),
				(long) bot.count(), (long) addressLimit.count(), (long) overloaded.count(), (long) rejected.count());
	}

	public double acceptedTotal() {
		return accepted.count();
	}

	public double storedTotal() {
		return stored.count();
	}
}
