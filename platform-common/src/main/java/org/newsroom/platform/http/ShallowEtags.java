package org.newsroom.platform.http;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * {@code ETag} and {@code 304 Not Modified} for JSON and XML answers that have no version of
 * their own to name (lists, feeds, sitemaps): Spring's {@link ShallowEtagHeaderFilter}, which
 * hashes the body and answers a matching {@code If-None-Match} with 304, applied to the paths
 * given, and only to reads. An answer marked {@code no-store} gets no ETag (Spring's rule), and
 * one that brings its own keeps it. Binary answers (photos) are never listed here: the filter
 * holds a body in memory to hash it.
 */
public class ShallowEtags extends ShallowEtagHeaderFilter {

	private final List<PathPattern> paths;

	public ShallowEtags(String... paths) {
		this.paths = java.util.Arrays.stream(paths).map(PathPatternParser.defaultInstance::parse).toList();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String method = request.getMethod();
		if (!"GET".equals(method) && !"HEAD".equals(method)) {
			return true;
		}
		PathContainer path = PathContainer.parsePath(request.getRequestURI());
		return paths.stream().noneMatch(pattern -> pattern.matches(path));
	}
}
