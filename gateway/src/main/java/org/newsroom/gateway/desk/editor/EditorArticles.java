package org.newsroom.gateway.desk.editor;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import org.newsroom.gateway.desk.DeskTokens;
import org.newsroom.platform.web.ServiceLocations;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.core.codec.CodecException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientException;
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

	private static final Duration TIME_LIMIT = Duration.ofSeconds(5);

	private final WebClient http;
	private final DeskTokens tokens;
	private final ServiceLocations services;

	EditorArticles(WebClient.Builder builder, DeskTokens tokens, ServiceLocations services) {
		this.http = builder.build();
		this.tokens = tokens;
		this.services = services;
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
		return tokens.accessToken(exchange).flatMap(token -> http.get()
			.uri(services.article() + "/api/articles/{id}", id)
			.headers(headers -> headers.setBearerAuth(token))
			.accept(MediaType.APPLICATION_JSON)
			.exchangeToMono(response -> {
				if (response.statusCode().value() == HttpStatus.NOT_FOUND.value()) {
					return response.releaseBody().then(Mono.<JsonNode>empty());
				}
				if (response.statusCode().is2xxSuccessful()) {
					return response.bodyToMono(JsonNode.class);
				}
				return response.createException().flatMap(Mono::error);
			})
			.timeout(TIME_LIMIT)
			.onErrorMap(error -> error instanceof WebClientException || error instanceof TimeoutException
					|| error instanceof CodecException,
					ArticlesUnavailable::new));
	}
}
