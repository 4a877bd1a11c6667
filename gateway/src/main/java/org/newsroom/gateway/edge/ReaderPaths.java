package org.newsroom.gateway.edge;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The paths readers and crawlers read and nobody writes: the web edition (docs/architecture.md,
 * "gateway"; its section, tag and search pages included), the feeds and sitemaps, the site's
 * assets. Only GET and HEAD are served there (and OPTIONS, which says so), so the access rules
 * have nothing to guard: any other method goes on to the handler that owns the path, which
 * answers 405 with {@code Allow} (or 404 where there is no such page).
 */
public final class ReaderPaths {

	public static final String[] PATTERNS = { "/", "/news/**", "/section/**", "/tag/**", "/search", "/feeds/**",
			"/sitemaps/**", "/assets/**", "/favicon.ico" };

	/** What a reader path accepts (RFC 9110, section 10.2.1). */
	public static final Set<HttpMethod> METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

	private static final List<PathPattern> PARSED = Arrays.stream(PATTERNS)
		.map(PathPatternParser.defaultInstance::parse)
		.toList();

	private ReaderPaths() {
	}

	public static boolean matches(PathContainer path) {
		for (PathPattern pattern : PARSED) {
			if (pattern.matches(path)) {
				return true;
			}
		}
		return false;
	}
}
