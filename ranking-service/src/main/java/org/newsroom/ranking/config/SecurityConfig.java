package org.newsroom.ranking.config;

import org.newsroom.platform.security.ReactiveApiSecurity;
import org.newsroom.platform.security.RealmRoles;
import org.newsroom.platform.web.RankingPaths;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	/**
	 * No observation (timer, span) per security filter per request: the beacon takes every page
	 * view of the site, and those observations cost more than the rest of its work.
	 */
	@Bean
	SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	SecurityWebFilterChain api(ServerHttpSecurity http, ReactiveApiSecurity security) {
		return security.build(http, rules -> rules
			// the page-view beacon every reader's browser sends (served ahead of this chain by ViewBeacon)
			.pathMatchers(HttpMethod.POST, RankingPaths.VIEW_BEACON).permitAll()
			// bulk views from trusted collectors (CDN logs, apps that batch offline views)
			.pathMatchers(HttpMethod.POST, RankingPaths.VIEW_BATCH).hasRole(RealmRoles.INGEST));
	}
}
