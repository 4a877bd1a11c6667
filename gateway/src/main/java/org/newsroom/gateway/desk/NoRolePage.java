package org.newsroom.gateway.desk;

import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * A signed-in account without the newsroom's {@code editor} role: a page that says so (403), with
 * a way to sign out and in as someone else, instead of an error.
 */
@Component
class NoRolePage implements ServerAccessDeniedHandler {

	private final DeskPages pages;

	NoRolePage(DeskPages pages) {
		this.pages = pages;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
		return exchange.getPrincipal()
			.map(user -> user.getName())
			.defaultIfEmpty("")
			.flatMap(name -> pages.page(exchange, HttpStatus.FORBIDDEN, "desk-no-role", Map.of("userName", name)))
			.flatMap(page -> write(exchange.getResponse(), page));
	}

	private static Mono<Void> write(ServerHttpResponse response, ResponseEntity<byte[]> page) {
		response.setStatusCode(page.getStatusCode());
		response.getHeaders().putAll(page.getHeaders());
		return response.writeWith(Mono.just(response.bufferFactory().wrap(page.getBody())));
	}
}
