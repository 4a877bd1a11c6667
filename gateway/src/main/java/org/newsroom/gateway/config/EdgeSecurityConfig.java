package org.newsroom.gateway.config;

import java.time.Duration;
import java.util.List;

import org.newsroom.gateway.edge.EdgeProperties;
import org.newsroom.gateway.edge.ReaderPaths;
import org.newsroom.platform.security.ReactiveApiSecurity;
import org.newsroom.platform.security.RealmRoles;
import org.newsroom.platform.web.RankingPaths;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The edge enforces the same role rules as the services behind it (which check again): a
 * request that would be refused anyway never costs a service a thread. Browsers on the
 * configured web and app origins may call the API cross-origin; any other origin gets no CORS
 * headers (and a refused preflight).
 *
 * <p>Most requests are anonymous reads and view beacons, which the rules permit to anyone: a GET
 * or HEAD of a path that is not editor-only, or the beacon's POST, with no credentials and not
 * cross-origin. Those skip the security filter chain altogether (its filters, matchers and
 * observations were a large share of each read's cost at the edge); Spring Security's firewall
 * still checks every request.
 */
@Configuration(proxyBeanMethods = false)
class EdgeSecurityConfig {

	@Bean
	SecurityWebFilterChain edge(ServerHttpSecurity http, ReactiveApiSecurity security, EdgeProperties properties) {
		http.securityMatcher(exchange -> openToAnyone(exchange.getRequest()) ? MatchResult.notMatch()
				: MatchResult.match());
		http.cors(cors -> cors.configurationSource(corsOrigins(properties)));
		return security.build(http, rules -> rules
			.pathMatchers(HttpMethod.POST, RankingPaths.VIEW_BEACON).permitAll()
			.pathMatchers(HttpMethod.POST, RankingPaths.VIEW_BATCH).hasRole(RealmRoles.INGEST)
			.pathMatchers(HttpMethod.GET, "/api/articles/*/revisions").hasRole(RealmRoles.EDITOR)
			.pathMatchers(HttpMethod.GET, "/api/media/*/original").hasRole(RealmRoles.EDITOR)
			.pathMatchers(HttpMethod.HEAD, "/api/media/*/original").hasRole(RealmRoles.EDITOR)
			// nobody writes there: DELETE /feeds/rss.xml is the feed's 405 with Allow, not a 403
			.pathMatchers(ReaderPaths.PATTERNS).permitAll());
	}

	/** Paths whose GET needs the editor role; every other GET or HEAD is open to anyone. */
	private static final PathPattern[] EDITOR_READS = {
			PathPatternParser.defaultInstance.parse("/api/articles/*/revisions"),
			PathPatternParser.defaultInstance.parse("/api/media/*/original") };

	/**
	 * A request that needs no security work: no credentials, not cross-origin (CORS), and a GET or
	 * HEAD of a path anyone may read, or the anonymous view beacon.
	 */
	static boolean openToAnyone(ServerHttpRequest request) {
		if (request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION) || CorsUtils.isCorsRequest(request)) {
			return false;
		}
		HttpMethod method = request.getMethod();
		if (HttpMethod.POST.equals(method)) {
			return RankingPaths.VIEW_BEACON.equals(request.getPath().value());
		}
		if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) {
			return false;
		}
		for (PathPattern editorOnly : EDITOR_READS) {
			if (editorOnly.matches(request.getPath().pathWithinApplication())) {
				return false;
			}
		}
		return true;
	}

	static CorsConfigurationSource corsOrigins(EdgeProperties properties) {
		CorsConfiguration api = new CorsConfiguration();
		api.setAllowedOrigins(properties.corsOrigins().stream().map(String::trim).filter(s -> !s.isEmpty()).toList());
		api.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
		api.setAllowedHeaders(List.of("Authorization", "Content-Type", "If-Match", "If-None-Match", "X-Request-Id",
				"X-Visitor-Id", "traceparent"));
		api.setExposedHeaders(List.of("ETag", "Location", "Retry-After", "X-Request-Id"));
		// bearer tokens travel in a header, never in cookies
		api.setAllowCredentials(false);
		api.setMaxAge(Duration.ofHours(1));
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/api/**", api);
		return source;
	}
}
