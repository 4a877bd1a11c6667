package org.newsroom.gateway.edge.client;

import java.util.function.BiConsumer;

import org.newsroom.gateway.edge.EdgeEntry;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Security headers on every answer, the services' included (set, not added, so nothing is sent
 * twice). HTML gets a Content-Security-Policy that allows only the site's own scripts, styles and
 * images (the web edition has no inline script, no third-party script, font or CDN); other
 * answers get one that allows nothing. HSTS only when the request came over TLS, directly or
 * per a trusted proxy: sending it over plain HTTP means nothing and breaks local runs. Written by
 * {@link EdgeEntry} just before an answer's headers go out. The desk's answers get their own
 * policy ({@link #deskPolicy}) from the desk's security chain.
 *
 * <p>Spring Cloud Gateway's {@code SecureHeaders} filter cannot replace it: it is a route filter,
 * so it never reaches the gateway's own answers (the web edition, composed pages, refusals and
 * problems written by the edge), and it sets one Content-Security-Policy for every answer and
 * HSTS whatever the scheme, where this chooses the policy by content type and sends HSTS only
 * over TLS.
 */
public final class SecurityHeaders {

	public static final String HTML_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	/** Swagger UI styles its widgets with style attributes. */
	static final String API_DOCS_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

	public static final String NON_HTML_POLICY = "default-src 'none'; frame-ancestors 'none'";

	private SecurityHeaders() {
	}

	/**
	 * The desk's pages: the web edition's policy, except that forms may also go to Keycloak and
	 * to the site's public address, since browsers apply {@code form-action} to the redirects
	 * after a form is sent, and sign-out is a form whose answer sends the browser on to
	 * Keycloak's end of session and from there to the site's front page (which is not this
	 * page's origin when a replica is reached at an address of its own, such as a second local
	 * gateway on another port).
	 */
	public static String deskPolicy(String signInOrigin, String siteOrigin) {
		return HTML_POLICY.replace("form-action 'self'", "form-action 'self' " + siteOrigin + " " + signInOrigin);
	}

	public static void write(HttpHeaders headers, String path, boolean overTls, boolean notModified) {
		MediaType type = headers.getContentType();
		boolean html = type != null && MediaType.TEXT_HTML.isCompatibleWith(type);
		// a 304 without a type must not replace the policy of the page the browser keeps
		// the desk's security chain writes the desk's own policy on all of its answers
		boolean desk = path.equals("/desk") || path.startsWith("/desk/");
		write(headers::set, html, path, overTls, desk || notModified && type == null);
		if (!overTls) {
			headers.remove("Strict-Transport-Security");
		}
	}

	/** The same headers, set through {@code set} (the edge's fast path writes Netty headers). */
	public static void write(BiConsumer<String, String> set, boolean html, String path, boolean overTls, boolean keepPolicy) {
		if (!keepPolicy) {
			boolean apiDocs = html && (path.startsWith("/swagger-ui") || path.startsWith("/webjars/swagger-ui"));
			set.accept("Content-Security-Policy", html ? (apiDocs ? API_DOCS_POLICY : HTML_POLICY) : NON_HTML_POLICY);
		}
		set.accept("X-Content-Type-Options", "nosniff");
		set.accept("X-Frame-Options", "DENY");
		set.accept("Referrer-Policy", "strict-origin-when-cross-origin");
		set.accept("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
		if (overTls) {
			set.accept("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
		}
	}
}
