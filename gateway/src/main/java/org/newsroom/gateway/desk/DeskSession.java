package org.newsroom.gateway.desk;

import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code GET /desk/api/session}: who is signed in, and the session's CSRF token. A page whose
 * session ended asks for it after the editor signed in again in another tab, to repeat what it
 * was sending with the new session's token.
 */
@RestController
class DeskSession {

	@GetMapping(DeskSecurity.API + "/session")
	Mono<ResponseEntity<Map<String, Object>>> session(ServerWebExchange exchange) {
		Mono<CsrfToken> csrf = exchange.getAttribute(CsrfToken.class.getName());
		return exchange.getPrincipal()
			.cast(Authentication.class)
			.zipWith(csrf != null ? csrf : Mono.error(new IllegalStateException("no CSRF token: not a desk path")))
			.map(userAndToken -> ResponseEntity.ok()
				.cacheControl(CacheControl.noStore())
				.body(Map.of("user", userAndToken.getT1().getName(), "admin", DeskUser.isAdmin(userAndToken.getT1()),
						"csrf", Map.of("header", userAndToken.getT2().getHeaderName(), "token",
								userAndToken.getT2().getToken()))));
	}
}
