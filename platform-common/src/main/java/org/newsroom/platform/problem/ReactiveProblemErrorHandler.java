package org.newsroom.platform.problem;

import java.net.URI;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * Last line of a reactive service (and of the gateway): whatever escaped the controllers, an
 * unknown path, a downstream that refused the connection, becomes problem+json. Replaces Boot's
 * default error JSON.
 */
public class ReactiveProblemErrorHandler implements ErrorWebExceptionHandler {

	private final JsonMapper json;

	public ReactiveProblemErrorHandler(JsonMapper json) {
		this.json = json;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.error(error);
		}
		ProblemTranslator.Translation translation = ProblemTranslator.translate(error);
		translation.problem().setInstance(URI.create(exchange.getRequest().getPath().value()));
		response.setStatusCode(translation.status());
		HttpHeaders headers = response.getHeaders();
		translation.headers().forEach((name, values) -> {
			if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) && !HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
				headers.remove(name);
				headers.addAll(name, values);
			}
		});
		headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		byte[] body = json.writeValueAsBytes(Problems.toMap(translation.problem()));
		DataBuffer buffer = response.bufferFactory().wrap(body);
		return response.writeWith(Mono.just(buffer));
	}
}
