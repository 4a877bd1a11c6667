package org.newsroom.ranking.article;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import org.newsroom.platform.web.ServiceLocations;
import org.newsroom.ranking.config.RankingProperties;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Calls {@code GET /api/articles/summaries?ids=} on article-service, at most 100 ids a call,
 * each call limited in time and all of them behind one circuit breaker (configured in
 * application.yml, listed at {@code /actuator/circuitbreakers}): when article-service is
 * down or slow, callers fail within the timeout and, once the breaker opens, at once.
 */
@Component
public class ArticleSummariesClient {

	/** The summaries endpoint's limit per call. */
	public static final int MAX_IDS = 100;

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Summaries(List<ArticleSummary> items) {
	}

	private final WebClient http;
	private final Duration timeout;
	private final CircuitBreaker breaker;

	/** The breaker's name; its settings are {@code resilience4j.circuitbreaker.instances.article-summaries}. */
	static final String BREAKER = "article-summaries";

	public ArticleSummariesClient(WebClient.Builder builder, ServiceLocations services, RankingProperties properties,
			CircuitBreakerRegistry breakers) {
		this.http = builder.baseUrl(services.article()).build();
		this.timeout = properties.articles().timeout();
		this.breaker = breakers.circuitBreaker(BREAKER);
	}

	/**
	 * The published articles among {@code ids}, by id; ids absent from the answer are not
	 * published (unknown, draft, withdrawn). Fails as a whole when any call fails.
	 */
	public Mono<Map<String, ArticleSummary>> published(Collection<String> ids) {
		return published(ids, true);
	}

	/**
	 * Like {@link #published(Collection)}, but not stopped by an open breaker (nor counted by
	 * it): for the last look-up before shutdown, when views that wait for their article are lost
	 * unless article-service answers now. The breaker may still be open from an outage that has
	 * already ended; this one call costs at most the timeout.
	 */
	public Mono<Map<String, ArticleSummary>> publishedDespiteBreaker(Collection<String> ids) {
		return published(ids, false);
	}

	private Mono<Map<String, ArticleSummary>> published(Collection<String> ids, boolean guarded) {
		List<List<String>> chunks = new ArrayList<>();
		List<String> chunk = new ArrayList<>(MAX_IDS);
		for (String id : ids) {
			chunk.add(id);
			if (chunk.size() == MAX_IDS) {
				chunks.add(chunk);
				chunk = new ArrayList<>(MAX_IDS);
			}
		}
		if (!chunk.isEmpty()) {
			chunks.add(chunk);
		}
		return Flux.fromIterable(chunks)
			.concatMap(chunkOfIds -> guarded ? call(chunkOfIds).transformDeferred(CircuitBreakerOperator.of(breaker))
					: call(chunkOfIds))
			.collect(HashMap<String, ArticleSummary>::new, (all, found) -> found.forEach(s -> all.put(s.id(), s)))
			.map(all -> (Map<String, ArticleSummary>) all);
	}

	private Mono<List<ArticleSummary>> call(List<String> ids) {
		return http.get()
			.uri(uri -> uri.path("/api/articles/summaries").queryParam("ids", String.join(",", ids)).build())
			.retrieve()
			.bodyToMono(Summaries.class)
			.map(summaries -> summaries.items() != null ? summaries.items() : List.<ArticleSummary>of())
			.timeout(timeout);
	}

	public CircuitBreaker.State breakerState() {
		return breaker.getState();
	}
}
