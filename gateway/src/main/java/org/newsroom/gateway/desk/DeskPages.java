package org.newsroom.gateway.desk;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.newsroom.gateway.web.HtmlRenderer;
import reactor.core.publisher.Mono;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Renders the desk's pages with the web edition's template engine. Every page carries the
 * session's CSRF token (the sign-out form needs it) and is never stored by anyone.
 */
@Component
public class DeskPages {

	static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

	private final HtmlRenderer renderer;

	DeskPages(HtmlRenderer renderer) {
		this.renderer = renderer;
	}

	public Mono<ResponseEntity<byte[]>> page(ServerWebExchange exchange, HttpStatus status, String template,
			Map<String, Object> model) {
		return csrfToken(exchange).map(token -> {
			Map<String, Object> withToken = new HashMap<>(model);
			withToken.put("csrf", token);
			return ResponseEntity.status(status)
				.contentType(HTML)
				.cacheControl(CacheControl.noStore())
				.header(HttpHeaders.PRAGMA, "no-cache")
				.body(renderer.render(exchange, template, withToken));
		});
	}

	/**
	 * A page whose session's tokens are gone (revoked, the refresh expired): the browser signs in
	 * again, and comes back to the page it asked for.
	 */
	public static Mono<ResponseEntity<byte[]>> signInAgain() {
		return Mono.just(ResponseEntity.status(HttpStatus.FOUND).location(URI.create(DeskSecurity.SIGN_IN)).build());
	}

	/**
	 * The token for this session, created on first use. Spring Security hands out a freshly masked
	 * copy each time (against BREACH), all of them valid for the session.
	 */
	private static Mono<CsrfToken> csrfToken(ServerWebExchange exchange) {
		Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
		return token != null ? token : Mono.error(new IllegalStateException("no CSRF token: not a desk path"));
	}
}
