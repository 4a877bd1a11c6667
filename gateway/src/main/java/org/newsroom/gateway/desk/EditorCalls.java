package org.newsroom.gateway.desk;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import org.newsroom.gateway.services.ServiceDirectory;
import reactor.core.publisher.Mono;

import org.springframework.core.codec.CodecException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientException;
import org.springframework.web.server.ServerWebExchange;

/**
 * The desk's pages reading article-service as the signed-in editor (the story list, the history,
 * the editor): the editor's own access token ({@link DeskTokens}), JSON, and a time limit, so a
 * page says "not answering" instead of waiting for a service that hangs.
 */
@Component
public class EditorCalls {

	/** The longest a desk page waits for one answer. */
	public static final Duration TIME_LIMIT = Duration.ofSeconds(5);

	private final WebClient http;
	private final DeskTokens tokens;
	private final ServiceDirectory services;

	EditorCalls(DeskTokens tokens, ServiceDirectory services) {
		this.http = services.client();
		this.tokens = tokens;
		this.services = services;
	}

	/** The signed-in editor's access token ({@link DeskTokens.SignedOut} when the session has none). */
	public Mono<String> token(ServerWebExchange exchange) {
		return tokens.accessToken(exchange);
	}

	/** A GET of an article-service path (a URI template) with the editor's token, asking for JSON. */
	public WebClient.RequestHeadersSpec<?> get(String accessToken, String path, Object... variables) {
		return http.get()
			.uri(services.article() + path, variables)
			.headers(headers -> headers.setBearerAuth(accessToken))
			.accept(MediaType.APPLICATION_JSON);
	}

	/** The same with the template's variables by name, each encoded whole. */
	public WebClient.RequestHeadersSpec<?> get(String accessToken, String path, Map<String, ?> variables) {
		return http.get()
			.uri(services.article() + path, variables)
			.headers(headers -> headers.setBearerAuth(accessToken))
			.accept(MediaType.APPLICATION_JSON);
	}

	/** A 2xx answer's body, within the time limit; an error for anything else. */
	public <T> Mono<T> read(String accessToken, Class<T> type, String path, Object... variables) {
		return get(accessToken, path, variables).retrieve().bodyToMono(type).timeout(TIME_LIMIT);
	}

	/** article-service did not answer: down, too slow, or an answer the desk cannot read. */
	public static boolean unanswered(Throwable error) {
		return error instanceof WebClientException || error instanceof TimeoutException || error instanceof CodecException;
	}
}
