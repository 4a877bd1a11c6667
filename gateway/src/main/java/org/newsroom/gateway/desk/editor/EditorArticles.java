package org.newsroom.gateway.desk.editor;

import java.util.regex.Pattern;

import org.newsroom.gateway.desk.DeskTokens;
import org.newsroom.gateway.desk.EditorCalls;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Reads one article from article-service as the signed-in editor (the session's access token,
 * refreshed when it has expired), so drafts, scheduled and withdrawn stories are answered too:
 * article-service answers editors what it hides from readers.
 */
@Component
class EditorArticles {

	/** Article ids are 24 lowercase hex digits (docs/articles-api.md); anything else cannot exist. */
	private static final Pattern ID = Pattern.compile("[0-9a-f]{24}");

	private final EditorCalls calls;

	EditorArticles(EditorCalls calls) {
		this.calls = calls;
	}

	/** article-service did not answer, or answered something other than the article or a 404. */
	static final class ArticlesUnavailable extends RuntimeException {

		ArticlesUnavailable(Throwable cause) {
			super("article-service did not answer the editor's read", cause, false, false);
		}
	}

	/**
	 * The article as article-service's JSON; empty when there is no such article (or the id cannot
	 * be one); {@link ArticlesUnavailable} when article-service cannot answer, and
	 * {@link DeskTokens.SignedOut} when the session has no usable token.
	 */
	Mono<JsonNode> read(String id, ServerWebExchange exchange) {
		if (!ID.matcher(id).matches()) {
			return Mono.empty();
		}
		return calls.token(exchange).flatMap(token -> calls.get(token, "/api/articles/{id}", id)
			.exchangeToMono(response -> {
				if (response.statusCode().value() == HttpStatus.NOT_FOUND.value()) {
					return response.releaseBody().then(Mono.<JsonNode>empty());
				}
				if (response.statusCode().is2xxSuccessful()) {
					return response.bodyToMono(JsonNode.class);
				}
				return response.createException().flatMap(Mono::error);
			})
			.timeout(EditorCalls.TIME_LIMIT)
			.onErrorMap(EditorCalls::unanswered, ArticlesUnavailable::new));
	}
}
