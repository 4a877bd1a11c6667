package org.newsroom.gateway.desk;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.newsroom.gateway.page.ServiceLocations;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientException;
import org.springframework.web.server.ServerWebExchange;

/**
 * The desk's story list, read from article-service as the signed-in editor: the session's access
 * token goes with each call (refreshed first when it has expired), so article-service applies
 * its own rules to the editor, exactly as for any other client.
 */
@Component
class DeskStories {

	static final int NEWEST = 20;

	private static final String EVERY_STATUS = "DRAFT,SCHEDULED,PUBLISHED,WITHDRAWN";

	private static final Duration TIME_LIMIT = Duration.ofSeconds(5);

	private final WebClient http;
	private final DeskTokens tokens;
	private final ServiceLocations services;

	DeskStories(WebClient.Builder builder, DeskTokens tokens, ServiceLocations services) {
		this.http = builder.build();
		this.tokens = tokens;
		this.services = services;
	}

	/** What article-service's list sends for each article, as far as the desk reads it. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Story(String id, String headline, String section, String status, Instant updatedAt) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record StoryPage(List<Story> items) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Revision(long version, Instant at, String by) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record History(List<Revision> items) {
	}

	/** A row of the list; {@code changedBy} is null when the history could not be read. */
	record Row(Story story, String changedBy) {
	}

	/** The newest stories; not {@code available} when article-service did not answer. */
	record StoryList(List<Row> rows, boolean available) {
	}

	Mono<StoryList> newest(ServerWebExchange exchange) {
		return tokens.accessToken(exchange).flatMap(this::list);
	}

	private Mono<StoryList> list(String accessToken) {
		return http.get()
			.uri(services.article() + "/api/articles?status={statuses}&size={size}", EVERY_STATUS, NEWEST)
			.headers(headers -> headers.setBearerAuth(accessToken))
			.accept(MediaType.APPLICATION_JSON)
			.retrieve()
			.bodyToMono(StoryPage.class)
			.timeout(TIME_LIMIT)
			.flatMap(page -> Flux.fromIterable(page.items())
				.flatMapSequential(story -> changedBy(story.id(), accessToken)
					.map(by -> new Row(story, by))
					.defaultIfEmpty(new Row(story, null)), 8)
				.collectList())
			.map(rows -> new StoryList(rows, true))
			.onErrorResume(DeskStories::unanswered, error -> Mono.just(new StoryList(List.of(), false)));
	}

	/** Who made the latest revision; empty when the history cannot be had (the row still shows). */
	private Mono<String> changedBy(String id, String accessToken) {
		return http.get()
			.uri(services.article() + "/api/articles/{id}/revisions", id)
			.headers(headers -> headers.setBearerAuth(accessToken))
			.accept(MediaType.APPLICATION_JSON)
			.retrieve()
			.bodyToMono(History.class)
			.timeout(TIME_LIMIT)
			.flatMap(history -> Mono.justOrEmpty(history.items()
				.stream()
				.max(Comparator.comparingLong(Revision::version))
				.map(Revision::by)))
			.onErrorResume(DeskStories::unanswered, error -> Mono.empty());
	}

	private static boolean unanswered(Throwable error) {
		return error instanceof WebClientException || error instanceof TimeoutException;
	}
}
