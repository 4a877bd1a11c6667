package org.newsroom.gateway.edge.client;

import java.util.Locale;
import java.util.function.Function;

import org.newsroom.gateway.cache.Encodings;
import org.newsroom.gateway.edge.EdgeEntry;
import reactor.netty.http.server.HttpServer;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Compression of the answers the edge passes on (the services' JSON, feeds, sitemaps): Reactor
 * Netty compresses (brotli when its native library loads, else gzip) text answers of
 * {@value #MIN_BYTES} bytes or more to clients that accept it. Pages from the page cache are
 * compressed once when made and pass through as they are.
 *
 * <p>One rule decides, read twice: by Netty, which compresses, and by {@link EdgeEntry} just
 * before the headers go out, which marks the answer {@code Vary: Accept-Encoding} and makes a
 * strong {@code ETag} weak, since a compressed body is another representation (RFC 9110 section
 * 8.8.3; what nginx does). The services read a weak tag in {@code If-None-Match} and
 * {@code If-Match} by its value, so conditional requests keep working.
 */
@Component
public class Compression implements NettyServerCustomizer {

	static final int MIN_BYTES = 1024;

	@Override
	public HttpServer apply(HttpServer server) {
		return server.compress((request, response) -> applies(request.requestHeaders()::get,
				response.responseHeaders()::get, response.status().code()));
	}

	/** Whether this answer's type is one that compresses: {@code Vary} is needed on it. */
	public static boolean compressibleType(String contentType) {
		if (contentType == null) {
			return false;
		}
		String type = contentType.toLowerCase(Locale.ROOT);
		return type.startsWith("text/") || type.startsWith("application/json") || type.contains("+json")
				|| type.startsWith("application/xml") || type.contains("+xml") || type.startsWith("application/javascript")
				|| type.startsWith("image/svg+xml");
	}

	/** Whether the answer is compressed for this request. */
	public static boolean applies(Function<String, String> request, Function<String, String> response, int status) {
		if (status < 200 || status == 204 || status == 304 || response.apply(HttpHeaders.CONTENT_ENCODING) != null
				|| !compressibleType(response.apply(HttpHeaders.CONTENT_TYPE))) {
			return false;
		}
		String length = response.apply(HttpHeaders.CONTENT_LENGTH);
		if (length != null) {
			try {
				if (Long.parseLong(length.trim()) < MIN_BYTES) {
					return false;
				}
			}
			catch (NumberFormatException e) {
				return false;
			}
		}
		String accepted = request.apply(HttpHeaders.ACCEPT_ENCODING);
		return accepted != null && (accepts(accepted, "gzip") || Encodings.brotliAvailable() && accepts(accepted, "br"));
	}

	private static boolean accepts(String acceptEncoding, String coding) {
		return Encodings.accepts(acceptEncoding.toLowerCase(Locale.ROOT), coding);
	}
}
