package org.newsroom.gateway.desk;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * {@code DeskTokenRelay} in a route: the desk's pages call the services' APIs under
 * {@code /desk/api/**}, and the gateway sends each call on with the signed-in editor's access
 * token, so the services apply their own rules to the editor, as for any other client.
 *
 * <p>Spring Cloud Gateway's own {@code TokenRelay} does the same relay, but when the session's
 * tokens are gone (the refresh token expired or was revoked) it either sends the request on
 * without a token or fails with a server error; the desk needs a 401 its page can act on (sign
 * in again in another tab and repeat the request, keeping what the editor typed). The browser's
 * session cookie and CSRF header stay here: the services have no use for them.
 */
@Component
class DeskTokenRelayGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

	static final String CSRF_HEADER = "X-CSRF-TOKEN";

	private final DeskTokens tokens;
	private final DeskProblems problems;

	DeskTokenRelayGatewayFilterFactory(DeskTokens tokens, DeskProblems problems) {
		super(Object.class);
		this.tokens = tokens;
		this.problems = problems;
	}

	@Override
	public GatewayFilter apply(Object config) {
		return (exchange, chain) -> tokens.accessToken(exchange)
			.map(token -> exchange.mutate().request(request -> request.headers(headers -> {
				headers.setBearerAuth(token);
				headers.remove(HttpHeaders.COOKIE);
				headers.remove(CSRF_HEADER);
			})).build())
			.flatMap(chain::filter)
			.onErrorResume(DeskTokens.SignedOut.class, gone -> problems.signedOut(exchange));
	}
}
