package org.newsroom.gateway.desk;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.newsroom.gateway.services.ServiceDirectory;
import reactor.core.publisher.Mono;

import org.springframework.core.codec.CodecException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientException;

/**
 * What readers read most, for the desk's side panel: the Top 10 of the last 24 hours and what is
 * trending now, with their view counts, straight from ranking-service (public lists: no token).
 * A list ranking-service cannot give is shown as unavailable; the story list never waits for it
 * longer than its time limit.
 */
@Component
class DeskRankings {

	static final int LIMIT = 10;

	private static final Duration TIME_LIMIT = Duration.ofSeconds(2);

	private final WebClient http;
	private final ServiceDirectory services;

	DeskRankings(ServiceDirectory services) {
		this.http = services.client();
		this.services = services;
	}

	/** One entry of a list, as far as the desk shows it. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Entry(int rank, String articleId, String headline, String section, long views) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Ranking(List<Entry> items, Boolean stale) {
	}

	/** A list for the panel: {@code entries} null when ranking-service did not answer. */
	record Shown(List<Entry> entries, boolean stale) {

		/** Public: the page's template calls it. */
		public boolean available() {
			return entries != null;
		}
	}

	record Panel(Shown top, Shown trending) {
	}

	Mono<Panel> panel() {
		return Mono.zip(list("/api/rankings/top?window=24h&limit={limit}"), list("/api/rankings/trending?limit={limit}"))
			.map(lists -> new Panel(lists.getT1(), lists.getT2()));
	}

	private Mono<Shown> list(String path) {
		return http.get()
			.uri(services.ranking() + path, LIMIT)
			.accept(MediaType.APPLICATION_JSON)
			.retrieve()
			.bodyToMono(Ranking.class)
			.timeout(TIME_LIMIT)
			.map(ranking -> new Shown(ranking.items() != null ? ranking.items() : List.of(),
					Boolean.TRUE.equals(ranking.stale())))
			// down, slow, or an answer that is not a list
			.onErrorResume(error -> error instanceof WebClientException || error instanceof TimeoutException
					|| error instanceof CodecException,
					error -> Mono.just(new Shown(null, false)));
	}
}
