package org.newsroom.article.config;

import org.newsroom.platform.security.RealmRoles;
import org.newsroom.platform.security.ServletApiSecurity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The platform's rules (reads open, writes for editors, DELETE for admins) plus reads that are
 * for editors only: an article's revision history, and lists filtered by {@code status} (drafts
 * and scheduled articles are not for readers) or by {@code media} (which articles show a photo,
 * of every status). Feeds and sitemaps are read by anyone, and written by nobody.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	@Bean
	SecurityFilterChain api(HttpSecurity http, ServletApiSecurity security) throws Exception {
		RequestMatcher listByStatus = request -> HttpMethod.GET.matches(request.getMethod())
				&& "/api/articles".equals(request.getRequestURI())
				&& (request.getParameter("status") != null || request.getParameter("media") != null);
		return security.build(http, rules -> rules
			.requestMatchers(HttpMethod.GET, "/api/articles/*/revisions").hasRole(RealmRoles.EDITOR)
			.requestMatchers(listByStatus).hasRole(RealmRoles.EDITOR)
			// nobody writes feeds or sitemaps: any other method is their 405 with Allow, not a 401/403
			.requestMatchers("/feeds/**", "/sitemaps/**").permitAll());
	}
}
