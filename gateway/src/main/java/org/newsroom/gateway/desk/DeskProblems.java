package org.newsroom.gateway.desk;

import java.net.URI;

import org.newsroom.platform.problem.ProblemTranslator;
import org.newsroom.platform.problem.Problems;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The problems the desk's own API paths answer with (docs/problems.md). The desk's pages call
 * {@code /desk/api/**} with {@code fetch}: a redirect to Keycloak there would be followed
 * invisibly and end in a login page parsed as JSON, so they get a problem the page can act on.
 */
@Component
class DeskProblems {

	private final JsonMapper json;

	DeskProblems(JsonMapper json) {
		this.json = json;
	}

	/** The session has ended or its tokens are gone: sign in again ({@code signIn} says where). */
	Mono<Void> signedOut(ServerWebExchange exchange) {
		ProblemDetail problem = ProblemTranslator.problem(HttpStatus.UNAUTHORIZED, "desk-signed-out", "Signed out",
				"The desk's session has ended. Sign in again; nothing was changed by this request.");
		problem.setProperty("signIn", DeskSecurity.SIGN_IN);
		// RFC 9110 wants a challenge with every 401: the desk's is a session cookie, given at sign-in
		return write(exchange, problem, "Cookie realm=\"desk\", form-action=\"" + DeskSecurity.SIGN_IN + "\"");
	}

	/** A state-changing request without the session's CSRF token, or with a wrong one. */
	Mono<Void> csrfRefused(ServerWebExchange exchange) {
		return write(exchange, ProblemTranslator.problem(HttpStatus.FORBIDDEN, "csrf-refused", "Request refused",
				"This request did not carry the desk session's CSRF token; nothing was changed. Reload the page and try again."),
				null);
	}

	/** Signed in, but without the editor role. */
	Mono<Void> forbidden(ServerWebExchange exchange) {
		return write(exchange, ProblemTranslator.problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
				"Your account does not have the newsroom role the desk needs."), null);
	}

	private Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem, String challenge) {
		return Mono.defer(() -> {
			problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
			ServerHttpResponse response = exchange.getResponse();
			response.setStatusCode(HttpStatus.valueOf(problem.getStatus()));
			HttpHeaders headers = response.getHeaders();
			headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
			headers.setCacheControl(CacheControl.noStore());
			if (challenge != null) {
				headers.set(HttpHeaders.WWW_AUTHENTICATE, challenge);
			}
			byte[] body = json.writeValueAsBytes(Problems.toMap(problem));
			return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
		});
	}
}
