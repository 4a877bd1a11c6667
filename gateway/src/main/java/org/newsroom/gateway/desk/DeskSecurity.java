package org.newsroom.gateway.desk;

import java.net.URI;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.newsroom.gateway.edge.client.SecurityHeaders;
import org.newsroom.platform.security.RealmRoles;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * The desk's own security: the gateway is an OAuth2 client of Keycloak for editors' browsers
 * (backend for frontend, docs/desk.md). Editors sign in on Keycloak's login page (authorization
 * code with PKCE); their tokens stay in their session on the gateway, and the browser holds only
 * the session cookie. Every state-changing request carries the session's CSRF token (a
 * synchronizer token kept in the session, sent as a form field or the {@code X-CSRF-TOKEN}
 * header).
 *
 * <p>Only the desk's paths and the sign-in and sign-out endpoints come here; the chain is ordered
 * before config/EdgeSecurityConfig's (which has no order and so comes last), so readers and
 * bearer-token clients never meet a session, a redirect to Keycloak or a CSRF check.
 */
@Configuration(proxyBeanMethods = false)
public class DeskSecurity {

	public static final String REGISTRATION = "news-desk";

	/** Where a browser starts signing in to the desk. */
	public static final String SIGN_IN = "/oauth2/authorization/" + REGISTRATION;

	static final String SIGN_OUT = "/logout";

	static final String SIGN_IN_FAILED = "/desk/sign-in-failed";

	static final String API = "/desk/api";

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityWebFilterChain desk(ServerHttpSecurity http, DeskProperties desk, NoRolePage noRole, DeskProblems problems,
			ServerOAuth2AuthorizedClientRepository authorizedClients,
			ReactiveClientRegistrationRepository registrations,
			@Value("${newsroom.public-base-url}") String publicBaseUrl) {
		String site = publicBaseUrl.replaceAll("/+$", "");
		OidcClientInitiatedServerLogoutSuccessHandler endKeycloakSession = new OidcClientInitiatedServerLogoutSuccessHandler(
				registrations);
		// Keycloak ends its own session too and sends the browser back to the site's front page
		endKeycloakSession.setPostLogoutRedirectUri(site + "/");
		RedirectServerAuthenticationEntryPoint toSignIn = new RedirectServerAuthenticationEntryPoint(SIGN_IN);
		RedirectServerAuthenticationSuccessHandler backToDesk = new RedirectServerAuthenticationSuccessHandler("/desk");
		return http
			// every request meets this matcher first: a prefix test, not pattern matchers
			.securityMatcher(exchange -> isDeskPath(exchange.getRequest().getPath().pathWithinApplication().value())
					? MatchResult.match() : MatchResult.notMatch())
			.authorizeExchange(rules -> rules
				.pathMatchers(SIGN_IN_FAILED).permitAll()
				.pathMatchers("/desk", "/desk/**").hasRole(RealmRoles.EDITOR)
				.anyExchange().authenticated())
			.oauth2Login(login -> login
				.authorizedClientRepository(authorizedClients)
				// a new session id once signed in: an id planted before sign-in is worth nothing after
				.authenticationSuccessHandler((exchange, authentication) -> exchange.getExchange()
					.getSession()
					.flatMap(WebSession::changeSessionId)
					.then(backToDesk.onAuthenticationSuccess(exchange, authentication)))
				.authenticationFailureHandler(new RedirectServerAuthenticationFailureHandler(SIGN_IN_FAILED)))
			// the session goes last, once every sign-out handler (the CSRF token's among them) has
			// touched it: a session store such as Redis refuses changes to a session already gone
			.logout(logout -> logout.logoutUrl(SIGN_OUT)
				.logoutSuccessHandler((exchange, editor) -> exchange.getExchange()
					.getSession()
					.flatMap(WebSession::invalidate)
					.then(endKeycloakSession.onLogoutSuccess(exchange, editor))))
			// CSRF protection is on (the default) with the session's synchronizer token; its refusal
			// is a problem like any other of the desk's
			.csrf(csrf -> csrf.accessDeniedHandler((exchange, denied) -> problems.csrfRefused(exchange)))
			.exceptionHandling(errors -> errors
				// pages send the browser to sign in (and back to the page afterwards); the pages'
				// own calls get a problem they can act on without losing what the editor typed
				.authenticationEntryPoint((exchange, failure) -> isDeskApi(exchange.getRequest())
						? problems.signedOut(exchange) : toSignIn.commence(exchange, failure))
				.accessDeniedHandler((exchange, denied) -> isDeskApi(exchange.getRequest()) ? problems.forbidden(exchange)
						: noRole.handle(exchange, denied)))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives(SecurityHeaders.deskPolicy(desk.signInOrigin(), origin(site)))))
			.httpBasic(basic -> basic.disable())
			.formLogin(form -> form.disable())
			.build();
	}

	private static String origin(String address) {
		URI uri = URI.create(address);
		return uri.getScheme() + "://" + uri.getRawAuthority();
	}

	/** The desk, and the sign-in and sign-out endpoints: what this chain handles. */
	static boolean isDeskPath(String path) {
		return under(path, "/desk") || under(path, "/oauth2") || under(path, "/login/oauth2") || path.equals(SIGN_OUT);
	}

	/** The services' APIs as the desk's pages call them, and the desk's own JSON. */
	static boolean isDeskApi(ServerHttpRequest request) {
		return under(request.getPath().pathWithinApplication().value(), API);
	}

	private static boolean under(String path, String prefix) {
		return path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
	}

	@Bean
	ReactiveClientRegistrationRepository deskRegistrations(DeskProperties desk,
			@Value("${newsroom.public-base-url}") String publicBaseUrl) {
		String site = publicBaseUrl.replaceAll("/+$", "");
		ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION)
			.clientId(desk.clientId())
			// a public client: no secret to hand out; PKCE binds the code to this sign-in
			.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
			.clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			// the public address, not the one this request came in on (a proxy may stand in front)
			.redirectUri(site + "/login/oauth2/code/{registrationId}")
			.scope("openid", "profile")
			.issuerUri(desk.issuerUri())
			.authorizationUri(desk.authorizationUri())
			.tokenUri(desk.tokenUri())
			.jwkSetUri(desk.keySetUri())
			.userNameAttributeName("preferred_username")
			.providerConfigurationMetadata(Map.of("end_session_endpoint", desk.endSessionUri()))
			.build();
		return new InMemoryReactiveClientRegistrationRepository(registration);
	}

	/**
	 * Tokens live in the editor's session: signing out, or the session expiring, drops them. A
	 * session is saved as soon as its tokens change, not when the answer goes: with the sessions
	 * in Redis, another replica's next call must find the refreshed tokens, not use the refresh
	 * token Keycloak has just taken back.
	 */
	@Bean
	ServerOAuth2AuthorizedClientRepository deskAuthorizedClients() {
		WebSessionServerOAuth2AuthorizedClientRepository inSession = new WebSessionServerOAuth2AuthorizedClientRepository();
		return new ServerOAuth2AuthorizedClientRepository() {

			@Override
			public <T extends OAuth2AuthorizedClient> Mono<T> loadAuthorizedClient(String registration,
					Authentication editor, ServerWebExchange exchange) {
				return inSession.loadAuthorizedClient(registration, editor, exchange);
			}

			@Override
			public Mono<Void> saveAuthorizedClient(OAuth2AuthorizedClient client, Authentication editor,
					ServerWebExchange exchange) {
				return inSession.saveAuthorizedClient(client, editor, exchange).then(savedSession(exchange));
			}

			@Override
			public Mono<Void> removeAuthorizedClient(String registration, Authentication editor,
					ServerWebExchange exchange) {
				return inSession.removeAuthorizedClient(registration, editor, exchange).then(savedSession(exchange));
			}
		};
	}

	private static Mono<Void> savedSession(ServerWebExchange exchange) {
		return exchange.getSession().flatMap(WebSession::save);
	}

	/** Hands out the session's access token, refreshed first when it has expired. */
	@Bean
	ReactiveOAuth2AuthorizedClientManager deskAuthorizedClientManager(ReactiveClientRegistrationRepository registrations,
			ServerOAuth2AuthorizedClientRepository authorizedClients) {
		DefaultReactiveOAuth2AuthorizedClientManager manager = new DefaultReactiveOAuth2AuthorizedClientManager(
				registrations, authorizedClients);
		manager.setAuthorizedClientProvider(
				ReactiveOAuth2AuthorizedClientProviderBuilder.builder().authorizationCode().refreshToken().build());
		return manager;
	}

	/**
	 * Keycloak puts realm roles in the access token, not the ID token: the signed-in user's
	 * authorities are read from the access token, checked by the same decoder the API uses.
	 */
	@Bean
	ReactiveOAuth2UserService<OidcUserRequest, OidcUser> deskUsers(ReactiveJwtDecoder accessTokens) {
		OidcReactiveOAuth2UserService idTokens = new OidcReactiveOAuth2UserService();
		var realmRoles = RealmRoles.authoritiesConverter();
		return request -> idTokens.loadUser(request)
			.zipWith(accessTokens.decode(request.getAccessToken().getTokenValue()))
			.map(userAndToken -> {
				OidcUser user = userAndToken.getT1();
				Set<GrantedAuthority> authorities = new HashSet<>(user.getAuthorities());
				authorities.addAll(realmRoles.convert(userAndToken.getT2()));
				return (OidcUser) new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(),
						"preferred_username");
			});
	}
}
