package org.newsroom.platform.problem;

import java.net.URI;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;

/** The problem+json mapping of a reactive service's controllers; see {@link ServletProblemHandler}. */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ReactiveProblemHandler extends ResponseEntityExceptionHandler {

	@ExceptionHandler(Exception.class)
	public Mono<ResponseEntity<Object>> handleAny(Exception error, ServerWebExchange exchange) {
		return Mono.just(respond(ProblemTranslator.translate(error), exchange));
	}

	@Override
	protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception error, Object body, HttpHeaders headers,
			HttpStatusCode status, ServerWebExchange exchange) {
		ProblemTranslator.Translation translation = ProblemTranslator.translate(error);
		if (headers != null) {
			translation.headers().addAll(headers);
		}
		return Mono.just(respond(translation, exchange));
	}

	static ResponseEntity<Object> respond(ProblemTranslator.Translation translation, ServerWebExchange exchange) {
		if (translation.problem().getInstance() == null) {
			translation.problem().setInstance(URI.create(exchange.getRequest().getPath().value()));
		}
		translation.headers().remove(HttpHeaders.CONTENT_TYPE);
		translation.headers().remove(HttpHeaders.CONTENT_LENGTH);
		return ResponseEntity.status(translation.problem().getStatus())
			.headers(translation.headers())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(translation.problem());
	}
}
