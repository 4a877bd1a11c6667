package org.newsroom.gateway.config;

import java.time.Duration;
import java.util.List;

import org.newsroom.gateway.edge.EdgeProperties;
import org.newsroom.platform.security.ReactiveApiSecurity;
import org.newsroom.platform.security.RealmRoles;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * The edge enforces the same role rules as the services behind it (which check again): a
 * request that would be refused anyway never costs a service a thread. Browsers on the
 * configured web and app origins may call the API cross-origin; any other origin gets no CORS
 * headers (and a refused preflight).
 */
@Configuration(proxyBeanMethods = false)
class EdgeSecurityConfig {

	@Bean
	SecurityWebFilterChain edge(ServerHttpSecurity http, ReactiveApiSecurity security, EdgeProperties properties) {
		http.cors(cors -> cors.configurationSource(corsOrigins(properties)));
		return security.build(http, rules -> rules
			.pathMatchers(HttpMethod.POST, "/api/rankings/views").permitAll()
			.pathMatchers(HttpMethod.POST, "/api/rankings/views/batch").hasRole(RealmRoles.INGEST)
			.pathMatchers(HttpMethod.GET, "/api/articles/*/revisions").hasRole(RealmRoles.EDITOR)
			.pathMatchers(HttpMethod.GET, "/api/media/*/original").hasRole(RealmRoles.EDITOR)
			.pathMatchers(HttpMethod.HEAD, "/api/media/*/original").hasRole(RealmRoles.EDITOR));
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
