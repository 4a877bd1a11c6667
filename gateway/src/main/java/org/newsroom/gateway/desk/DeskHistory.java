package org.newsroom.gateway.desk;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.server.ServerWebExchange;

/**
 * An article and its revisions, read from article-service as the signed-in editor, for the
 * history page. The article is read first: every revision up to its version is then in the
 * history (article-service writes a revision in the same write as the change), which is what
 * rebuilding the versions from it needs ({@link ArticleVersions}).
 */
@Component
class DeskHistory {

	private final EditorCalls calls;

	DeskHistory(EditorCalls calls) {
		this.calls = calls;
	}

	/** article-service's answer, as far as the desk reads it. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Revisions(List<ArticleVersions.Revision> items, boolean complete) {
	}

	/**
	 * @param article the article now, empty when it has been deleted
	 * @param complete false when article-service cut a very long history short
	 */
	record Found(Optional<JsonNode> article, List<ArticleVersions.Revision> revisions, boolean complete) {
	}

	/** article-service did not answer (down, slow, or an answer the desk cannot read). */
	static final class Unavailable extends RuntimeException {

		Unavailable(Throwable cause) {
			super("article-service did not answer", cause, false, false);
		}
	}

	/**
	 * The article and its history, read with the editor's token; empty when no article with that
	 * id has ever existed.
	 */
	Mono<Found> read(String id, ServerWebExchange exchange) {
		return calls.token(exchange).flatMap(token -> read(id, token));
	}

	private Mono<Found> read(String id, String accessToken) {
		return article(id, accessToken).map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap(article -> revisions(id, accessToken)
				.map(revisions -> new Found(article, revisions.items() != null ? revisions.items() : List.of(),
						revisions.complete())))
			.onErrorMap(EditorCalls::unanswered, Unavailable::new);
	}

	private Mono<JsonNode> article(String id, String accessToken) {
		return get("/api/articles/{id}", id, accessToken, JsonNode.class);
	}

	private Mono<Revisions> revisions(String id, String accessToken) {
		return get("/api/articles/{id}/revisions", id, accessToken, Revisions.class);
	}

	/** The answer, or empty for a 404. */
	private <T> Mono<T> get(String path, String id, String accessToken, Class<T> type) {
		return calls.read(accessToken, type, path, id)
			.onErrorResume(error -> error instanceof WebClientResponseException answer
					&& answer.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND), error -> Mono.empty());
	}
}
