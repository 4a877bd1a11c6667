package org.newsroom.platform.security;

import java.net.URI;

import org.newsroom.platform.problem.Problems;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

/** 401 and 403 for a reactive service or the gateway; see {@link ServletProblemAuthHandlers}. */
public class ReactiveProblemAuthHandlers implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

	private final JsonMapper json;

	public ReactiveProblemAuthHandlers(JsonMapper json) {
		this.json = json;
	}

	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
		return write(exchange, BearerChallenge.forFailure(failure), AuthProblems.unauthorized(failure));
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
		return write(exchange, BearerChallenge.forDenied(), AuthProblems.forbidden());
	}

	private Mono<Void> write(ServerWebExchange exchange, String challenge, ProblemDetail problem) {
		return Mono.defer(() -> {
			problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
			ServerHttpResponse response = exchange.getResponse();
			response.setStatusCode(org.springframework.http.HttpStatusCode.valueOf(problem.getStatus()));
			response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
			response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
			byte[] body = json.writeValueAsBytes(Problems.toMap(problem));
			return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
		});
	}
}
