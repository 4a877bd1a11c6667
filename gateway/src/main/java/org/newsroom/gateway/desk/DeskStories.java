package org.newsroom.gateway.desk;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.server.ServerWebExchange;

/**
 * The desk's story list, read from article-service as the signed-in editor: the session's access
 * token goes with each call (refreshed first when it has expired), so article-service applies
 * its own rules to the editor, exactly as for any other client.
 */
@Component
class DeskStories {

	/** Stories a page of the list shows. */
	static final int PAGE = 20;

	private final EditorCalls calls;

	DeskStories(EditorCalls calls) {
		this.calls = calls;
	}

	/** What article-service's list sends for each article, as far as the desk reads it. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Story(String id, String headline, String section, String language, String status, Instant updatedAt,
			Instant publishAt, Instant embargoUntil) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record StoryPage(List<Story> items, String nextCursor) {
	}

	/** What a 4xx problem from article-service says, as far as the page repeats it. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Problem(String detail) {
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

	/**
	 * A page of the list: not {@code available} when article-service did not answer;
	 * {@code refused} says why it refused the request (a cursor it did not issue, say), else null;
	 * {@code nextCursor} is where older stories continue, null on the last page.
	 */
	record StoryList(List<Row> rows, boolean available, String refused, String nextCursor) {

		static StoryList unavailable() {
			return new StoryList(List.of(), false, null, null);
		}
	}

	/** A page of stories, newest first, as the filters ask, read with the editor's token. */
	Mono<StoryList> list(ServerWebExchange exchange, StoryFilters filters) {
		return calls.token(exchange).flatMap(token -> list(token, filters));
	}

	private Mono<StoryList> list(String accessToken, StoryFilters filters) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("status", filters.apiStatuses());
		values.put("size", PAGE);
		values.put("section", filters.section());
		values.put("q", filters.q());
		values.put("cursor", filters.cursor());
		values.values().removeIf(Objects::isNull);
		StringBuilder uri = new StringBuilder("/api/articles");
		// template variables: each value is encoded whole ('&' or '+' in a search stays in it)
		values.keySet().forEach(name -> uri.append(uri.indexOf("?") < 0 ? '?' : '&').append(name).append("={")
			.append(name)
			.append('}'));
		return calls.get(accessToken, uri.toString(), values)
			.retrieve()
			.bodyToMono(StoryPage.class)
			.timeout(EditorCalls.TIME_LIMIT)
			.flatMap(page -> Flux.fromIterable(page.items())
				.flatMapSequential(story -> changedBy(story.id(), accessToken)
					.map(by -> new Row(story, by))
					.defaultIfEmpty(new Row(story, null)), 8)
				.collectList()
				.map(rows -> new StoryList(rows, true, null, page.nextCursor())))
			// a request it refuses (400: a stale or foreign cursor, a search it cannot take): said on the page
			.onErrorResume(error -> error instanceof WebClientResponseException refused
					&& refused.getStatusCode().is4xxClientError(),
					error -> Mono.just(new StoryList(List.of(), true, detail((WebClientResponseException) error), null)))
			.onErrorResume(EditorCalls::unanswered, error -> Mono.just(StoryList.unavailable()));
	}

	/** Who made the latest revision; empty when the history cannot be had (the row still shows). */
	private Mono<String> changedBy(String id, String accessToken) {
		return calls.read(accessToken, History.class, "/api/articles/{id}/revisions", id)
			.flatMap(history -> Mono.justOrEmpty(history.items()
				.stream()
				.max(Comparator.comparingLong(Revision::version))
				.map(Revision::by)))
			.onErrorResume(EditorCalls::unanswered, error -> Mono.empty());
	}

	private static String detail(WebClientResponseException refused) {
		try {
			Problem problem = refused.getResponseBodyAs(Problem.class);
			if (problem != null && problem.detail() != null) {
				return problem.detail();
			}
		}
		catch (RuntimeException unreadable) {
			// not a problem document: the status says enough
		}
		return "article-service answered " + refused.getStatusCode().value() + ".";
	}
}
