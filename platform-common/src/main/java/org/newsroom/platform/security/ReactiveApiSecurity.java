package org.newsroom.platform.security;

import org.newsroom.platform.store.StoreBackupAccess;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;

/** The newsroom's access rules for a reactive service or the gateway; see {@link ServletApiSecurity}. */
public class ReactiveApiSecurity {

	private final ReactiveProblemAuthHandlers handlers;

	public ReactiveApiSecurity(ReactiveProblemAuthHandlers handlers) {
		this.handlers = handlers;
	}

	public SecurityWebFilterChain build(ServerHttpSecurity http,
			Customizer<ServerHttpSecurity.AuthorizeExchangeSpec> serviceRules) {
		return http.csrf(csrf -> csrf.disable())
			.httpBasic(basic -> basic.disable())
			.formLogin(form -> form.disable())
			.logout(logout -> logout.disable())
			.requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.oauth2ResourceServer(rs -> rs
				.jwt(jwt -> jwt.jwtAuthenticationConverter(RealmRoles.reactiveJwtAuthenticationConverter()))
				.authenticationEntryPoint(handlers)
				.accessDeniedHandler(handlers))
			.exceptionHandling(e -> e.authenticationEntryPoint(handlers).accessDeniedHandler(handlers))
			.authorizeExchange(rules -> {
				rules.pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
						"/actuator/prometheus").permitAll();
				rules.pathMatchers(StoreBackupAccess.PATH)
					.access((authentication, context) -> Mono.just(new AuthorizationDecision(
							StoreBackupAccess.allowed(context.getExchange().getRequest().getRemoteAddress()))));
				serviceRules.customize(rules);
				// OPTIONS is safe (RFC 9110, section 9.3.7): it runs no handler, it only lists the
				// path's methods in Allow
				rules.pathMatchers(HttpMethod.OPTIONS, "/api/**").permitAll()
					.pathMatchers(HttpMethod.GET, "/**").permitAll()
					.pathMatchers(HttpMethod.HEAD, "/**").permitAll()
					.pathMatchers(HttpMethod.DELETE, "/api/**").hasRole(RealmRoles.ADMIN)
					.pathMatchers("/api/**").hasRole(RealmRoles.EDITOR)
					.anyExchange().denyAll();
			})
			.build();
	}
}
