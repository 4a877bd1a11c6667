package org.newsroom.gateway.desk;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The signed-in editor's access token, for the gateway's calls to the services on the editor's
 * behalf: the token kept in the session, refreshed first when it has expired.
 *
 * <p>A session's calls that come at once share one answer: Keycloak takes each refresh token only
 * once (the realm's revokeRefreshToken), so two calls refreshing the same expired token side by
 * side would have the second refused, and that refusal would drop the session's tokens, signing
 * the editor out. The answer is kept for {@link #SHARED_FOR} after it came, for the session's
 * calls that read the session before the refreshed token was saved in it (with the sessions in
 * Redis, a request loads its copy when it starts).
 */
@Component
public class DeskTokens {

	/** Shorter than the minute before expiry at which a token is refreshed: never a stale token. */
	static final Duration SHARED_FOR = Duration.ofSeconds(10);

	private final ReactiveOAuth2AuthorizedClientManager tokens;

	/** Session id to its latest answer (at most one a session, for {@link #SHARED_FOR}). */
	private final Cache<String, Mono<OAuth2AuthorizedClient>> recent = Caffeine.newBuilder()
		.expireAfterWrite(SHARED_FOR)
		.maximumSize(10_000)
		.build();

	DeskTokens(ReactiveOAuth2AuthorizedClientManager tokens) {
		this.tokens = tokens;
	}

	/** Errors with {@link SignedOut} when the session holds no usable token any more. */
	public Mono<String> accessToken(ServerWebExchange exchange) {
		return exchange.getPrincipal()
			.filter(OAuth2AuthenticationToken.class::isInstance)
			.cast(OAuth2AuthenticationToken.class)
			.switchIfEmpty(Mono.error(() -> new SignedOut(null)))
			.zipWith(exchange.getSession())
			.flatMap(editorAndSession -> recent.get(editorAndSession.getT2().getId(),
					session -> authorize(editorAndSession.getT1(), exchange, session)))
			.map(client -> client.getAccessToken().getTokenValue());
	}

	private Mono<OAuth2AuthorizedClient> authorize(OAuth2AuthenticationToken editor, ServerWebExchange exchange,
			String session) {
		return tokens
			.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(DeskSecurity.REGISTRATION)
				.principal(editor)
				.attribute(ServerWebExchange.class.getName(), exchange)
				.build())
			.onErrorMap(ClientAuthorizationException.class, SignedOut::new)
			.switchIfEmpty(Mono.error(() -> new SignedOut(null)))
			// a failure is not kept: the session's next call asks again (with its own request)
			.doOnError(failure -> recent.invalidate(session))
			.cache();
	}

	/** The editor's session holds no usable token any more (revoked, or the refresh expired). */
	public static final class SignedOut extends RuntimeException {

		SignedOut(Throwable cause) {
			super("the session's tokens are gone", cause, false, false);
		}
	}
}
