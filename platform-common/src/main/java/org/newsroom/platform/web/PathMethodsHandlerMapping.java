package org.newsroom.platform.web;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Spring MVC's request mappings, with one correction: when no mapping takes the request's method,
 * the methods named in {@code Allow} (of the 405, and of the answer to {@code OPTIONS}) are those
 * of the path's own mappings, the most specific pattern that matches it, not of every pattern that
 * matches. {@code /api/articles/summaries} also matches {@code /api/articles/{id}}, whose PUT and
 * DELETE are no methods of the summaries (RFC 9110, section 10.2.1: {@code Allow} lists the target
 * resource's methods). The 405 also names HEAD where GET is served, and OPTIONS, as the answer
 * to OPTIONS does.
 */
public class PathMethodsHandlerMapping extends RequestMappingHandlerMapping {

	@Override
	protected HandlerMethod handleNoMatch(Set<RequestMappingInfo> infos, String lookupPath, HttpServletRequest request)
			throws ServletException {
		try {
			return super.handleNoMatch(mostSpecific(infos, request), lookupPath, request);
		}
		catch (HttpRequestMethodNotSupportedException refused) {
			// the 405 names what OPTIONS names: HEAD wherever GET is served (Spring answers it), and OPTIONS
			Set<String> allowed = new LinkedHashSet<>(List.of(refused.getSupportedMethods() != null
					? refused.getSupportedMethods() : new String[0]));
			if (allowed.contains("GET")) {
				allowed.add("HEAD");
			}
			allowed.add("OPTIONS");
			throw new HttpRequestMethodNotSupportedException(refused.getMethod(), allowed);
		}
	}

	/** The mappings whose matching pattern is as specific as the best one's (all of them when none matches). */
	private static Set<RequestMappingInfo> mostSpecific(Set<RequestMappingInfo> infos, HttpServletRequest request) {
		PathPatternsRequestCondition best = null;
		Set<RequestMappingInfo> kept = new LinkedHashSet<>();
		for (RequestMappingInfo info : infos) {
			PathPatternsRequestCondition patterns = info.getPathPatternsCondition();
			PathPatternsRequestCondition matching = patterns != null ? patterns.getMatchingCondition(request) : null;
			if (matching == null) {
				continue;
			}
			int order = best == null ? -1 : matching.compareTo(best, request);
			if (order < 0) {
				best = matching;
				kept.clear();
			}
			if (order <= 0) {
				kept.add(info);
			}
		}
		return kept.isEmpty() ? infos : kept;
	}
}
