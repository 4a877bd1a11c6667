package org.newsroom.platform.security;

import org.newsroom.platform.store.StoreBackupAccess;

import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The newsroom's access rules for a servlet service, as one filter chain: health and metrics
 * open, reads open, DELETE for admins, every other write for editors; the service adds its own
 * exceptions first. Tokens are Keycloak JWTs (see {@link RealmRoles}); no sessions, no CSRF
 * (there are no cookies to forge requests with).
 */
public class ServletApiSecurity {

	private final ServletProblemAuthHandlers handlers;

	public ServletApiSecurity(ServletProblemAuthHandlers handlers) {
		this.handlers = handlers;
	}

	public SecurityFilterChain build(HttpSecurity http,
			Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> serviceRules)
			throws Exception {
		http.csrf(csrf -> csrf.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.httpBasic(basic -> basic.disable())
			.formLogin(form -> form.disable())
			.logout(logout -> logout.disable())
			.oauth2ResourceServer(rs -> rs
				.jwt(jwt -> jwt.jwtAuthenticationConverter(RealmRoles.jwtAuthenticationConverter()))
				.authenticationEntryPoint(handlers)
				.accessDeniedHandler(handlers))
			.exceptionHandling(e -> e.authenticationEntryPoint(handlers).accessDeniedHandler(handlers))
			.authorizeHttpRequests(rules -> {
				rules.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
						"/actuator/prometheus", "/error").permitAll();
				rules.requestMatchers(StoreBackupAccess.PATH)
					.access((authentication, context) -> new AuthorizationDecision(
							StoreBackupAccess.allowed(context.getRequest().getRemoteAddr())));
				serviceRules.customize(rules);
				// OPTIONS is safe (RFC 9110, section 9.3.7): it runs no handler, it only lists the
				// path's methods in Allow
				rules.requestMatchers(HttpMethod.OPTIONS, "/api/**").permitAll()
					.requestMatchers(HttpMethod.GET, "/**").permitAll()
					.requestMatchers(HttpMethod.HEAD, "/**").permitAll()
					.requestMatchers(HttpMethod.DELETE, "/api/**").hasRole(RealmRoles.ADMIN)
					.requestMatchers("/api/**").hasRole(RealmRoles.EDITOR)
					.anyRequest().denyAll();
			});
		return http.build();
	}
}
