package org.newsroom.gateway.cache;

import org.newsroom.gateway.edge.EdgeEntry;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * Sends a {@link CachedPage}: its status and headers, {@code 304 Not Modified} when the request's
 * {@code If-None-Match} names its ETag (weak comparison, RFC 9110 section 13.1.2), and otherwise
 * the body in the best encoding the request accepts. Nothing is encoded per request: the
 * encodings were made with the page.
 */
public final class PageWriter {

	private PageWriter() {
	}

	public static Mono<Void> write(ServerWebExchange exchange, CachedPage page) {
		ServerHttpRequest request = exchange.getRequest();
		ServerHttpResponse response = exchange.getResponse();
		HttpHeaders headers = response.getHeaders();
		response.setStatusCode(HttpStatusCode.valueOf(page.status()));
		headers.setContentType(page.contentType());
		headers.set(HttpHeaders.CACHE_CONTROL, page.cacheControl());
		page.headers().forEach(headers::set);
		if (page.encoded().any()) {
			headers.set(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
		}
		if (page.etag() != null) {
			headers.set(HttpHeaders.ETAG, page.etag());
			if (page.status() == 200 && matches(request.getHeaders().getFirst(HttpHeaders.IF_NONE_MATCH), page.etag())) {
				// the headers a 304 carries update the browser's stored copy: Content-Type stays, so
				// the stored page keeps its own Content-Security-Policy (EdgeEntry chooses it by type)
				response.setStatusCode(HttpStatus.NOT_MODIFIED);
				return response.setComplete();
			}
		}
		Encodings.Chosen chosen = Encodings.choose(request.getHeaders().getFirst(HttpHeaders.ACCEPT_ENCODING), page.body(),
				page.encoded());
		if (chosen.encoding() != null) {
			headers.set(HttpHeaders.CONTENT_ENCODING, chosen.encoding());
		}
		headers.setContentLength(chosen.bytes().length);
		if (HttpMethod.HEAD.equals(request.getMethod())) {
			return response.setComplete();
		}
		return response.writeWith(Mono.just(response.bufferFactory().wrap(chosen.bytes())));
	}

	/** Whether {@code If-None-Match} names the ETag, or is {@code *}: weak comparison, W/ ignored. */
	public static boolean matches(String ifNoneMatch, String etag) {
		if (ifNoneMatch == null) {
			return false;
		}
		String wanted = opaque(etag);
		for (String candidate : ifNoneMatch.split(",")) {
			String tag = candidate.trim();
			if (tag.equals("*") || opaque(tag).equals(wanted)) {
				return true;
			}
		}
		return false;
	}

	private static String opaque(String etag) {
		return etag.startsWith("W/") ? etag.substring(2) : etag;
	}
}
