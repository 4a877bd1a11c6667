package org.newsroom.media.config;

import org.newsroom.platform.security.RealmRoles;
import org.newsroom.platform.security.ServletApiSecurity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	@Bean
	SecurityFilterChain api(HttpSecurity http, ServletApiSecurity security) throws Exception {
		// originals are for the newsroom; readers get renditions. The shared rules cover the rest:
		// reads open, PATCH and POST for editors, DELETE (takedown) for admins.
		return security.build(http, rules -> rules.requestMatchers(HttpMethod.GET, "/api/media/*/original")
			.hasRole(RealmRoles.EDITOR)
			.requestMatchers(HttpMethod.HEAD, "/api/media/*/original")
			.hasRole(RealmRoles.EDITOR));
	}
}
