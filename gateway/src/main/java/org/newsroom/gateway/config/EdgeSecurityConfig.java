package org.newsroom.gateway.config;

import org.newsroom.platform.security.ReactiveApiSecurity;
import org.newsroom.platform.security.RealmRoles;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * The edge enforces the same role rules as the services behind it (which check again): a
 * request that would be refused anyway never costs a service a thread.
 */
@Configuration(proxyBeanMethods = false)
class EdgeSecurityConfig {

	@Bean
	SecurityWebFilterChain edge(ServerHttpSecurity http, ReactiveApiSecurity security) {
		return security.build(http, rules -> rules
			.pathMatchers(HttpMethod.POST, "/api/rankings/views").permitAll()
			.pathMatchers(HttpMethod.POST, "/api/rankings/views/batch").hasRole(RealmRoles.INGEST)
			.pathMatchers(HttpMethod.GET, "/api/articles/*/revisions").hasRole(RealmRoles.EDITOR)
			.pathMatchers(HttpMethod.GET, "/api/media/*/original").hasRole(RealmRoles.EDITOR)
			.pathMatchers(HttpMethod.HEAD, "/api/media/*/original").hasRole(RealmRoles.EDITOR));
	}
}
