package org.newsroom.gateway.desk;

import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The signed-in editor's access token, for the gateway's calls to the services on the editor's
 * behalf: the token kept in the session, refreshed first when it has expired.
 */
@Component
public class DeskTokens {

	private final ReactiveOAuth2AuthorizedClientManager tokens;

	DeskTokens(ReactiveOAuth2AuthorizedClientManager tokens) {
		this.tokens = tokens;
	}

	/** Errors with {@link SignedOut} when the session holds no usable token any more. */
	public Mono<String> accessToken(ServerWebExchange exchange) {
		return exchange.getPrincipal()
			.filter(OAuth2AuthenticationToken.class::isInstance)
			.cast(OAuth2AuthenticationToken.class)
			.switchIfEmpty(Mono.error(() -> new SignedOut(null)))
			.flatMap(editor -> tokens.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(DeskSecurity.REGISTRATION)
				.principal(editor)
				.attribute(ServerWebExchange.class.getName(), exchange)
				.build()))
			.onErrorMap(ClientAuthorizationException.class, SignedOut::new)
			.switchIfEmpty(Mono.error(() -> new SignedOut(null)))
			.map(client -> client.getAccessToken().getTokenValue());
	}

	/** The editor's session holds no usable token any more (revoked, or the refresh expired). */
	public static final class SignedOut extends RuntimeException {

		SignedOut(Throwable cause) {
			super("the session's tokens are gone", cause, false, false);
		}
	}
}
