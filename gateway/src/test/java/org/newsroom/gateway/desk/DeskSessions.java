package org.newsroom.gateway.desk;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.newsroom.platform.test.TestIdentityProvider;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signs a user in to the desk in a gateway test the way a browser does: the desk sends it to the
 * realm's login page, the realm (the test identity provider's stand-in) answers with a code, and
 * the gateway exchanges the code for tokens at the realm's token endpoint.
 */
public final class DeskSessions {

	private static final String SESSION = "NEWSROOM_DESK";

	private DeskSessions() {
	}

	/** A signed-in session: its cookie ({@code NAME=value}) and its CSRF token. */
	public record SignedIn(String cookie, String csrf) {
	}

	public static SignedIn signIn(WebTestClient http, TestIdentityProvider identity, String user, String... roles) {
		return signIn(http, identity, Duration.ofMinutes(5), user, roles);
	}

	/**
	 * Signed in with an access token said to live for {@code lifetime}; the refresh token is
	 * {@code refresh-<code>}, and the realm's answer to it is the test's to stub.
	 */
	public static SignedIn signIn(WebTestClient http, TestIdentityProvider identity, Duration lifetime, String user,
			String... roles) {
		ResponseCookie first = http.get().uri("/desk").accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isFound()
			.expectBody().returnResult().getResponseCookies().getFirst(SESSION);
		assertThat(first).as("the session that remembers the sign-in").isNotNull();
		String atRealm = http.get().uri(DeskSecurity.SIGN_IN).header(HttpHeaders.COOKIE, cookie(first)).exchange()
			.expectStatus().isFound()
			.expectBody().returnResult().getResponseHeaders().getFirst(HttpHeaders.LOCATION);
		Map<String, String> asked = UriComponentsBuilder.fromUri(URI.create(atRealm)).build().getQueryParams().toSingleValueMap();

		String code = UUID.randomUUID().toString();
		identity.answerCode(code, identity.token(user, roles),
				identity.idToken(user, asked.get("client_id"), decoded(asked.get("nonce"))), lifetime);
		ResponseCookie signedIn = http.get()
			.uri("/login/oauth2/code/" + DeskSecurity.REGISTRATION + "?code={code}&state={state}", code,
					decoded(asked.get("state")))
			.header(HttpHeaders.COOKIE, cookie(first))
			.exchange()
			.expectStatus().isFound()
			.expectBody().returnResult().getResponseCookies().getFirst(SESSION);
		assertThat(signedIn).as("a new session id once signed in").isNotNull();

		// the session's CSRF token, as a page's script asks for it (an account without the editor role
		// gets none); making the token gives the session a new id too, as a browser would be told
		EntityExchangeResult<Map> answer = http.get().uri(DeskSecurity.API + "/session")
			.header(HttpHeaders.COOKIE, cookie(signedIn))
			.exchange()
			.expectBody(Map.class).returnResult();
		ResponseCookie renewed = answer.getResponseCookies().getFirst(SESSION);
		Object csrf = answer.getResponseBody() != null ? answer.getResponseBody().get("csrf") : null;
		return new SignedIn(cookie(renewed != null ? renewed : signedIn),
				csrf instanceof Map<?, ?> token ? (String) token.get("token") : null);
	}

	/**
	 * Has the realm answer every refresh with a new access token for {@code user} as an editor,
	 * after {@code delay}; answers that token.
	 */
	public static String answerRefreshes(TestIdentityProvider identity, String user, Duration delay) {
		String fresh = identity.token(user, "editor");
		identity.wireMock().stubFor(WireMock.post("/realms/news/protocol/openid-connect/token")
			.withRequestBody(WireMock.containing("grant_type=refresh_token"))
			.willReturn(WireMock.okJson("{\"access_token\": \"" + fresh + "\", \"token_type\": \"Bearer\", "
					+ "\"expires_in\": 300, \"refresh_token\": \"refreshed\"}").withFixedDelay((int) delay.toMillis())));
		return fresh;
	}

	/** The refresh grants the realm has answered so far (the stand-in is shared by the JVM's test classes). */
	public static int refreshes(TestIdentityProvider identity) {
		return identity.wireMock().findAll(WireMock.postRequestedFor(WireMock.urlEqualTo("/realms/news/protocol/openid-connect/token"))
			.withRequestBody(WireMock.containing("grant_type=refresh_token"))).size();
	}

	private static String cookie(ResponseCookie cookie) {
		return cookie.getName() + "=" + cookie.getValue();
	}

	private static String decoded(String parameter) {
		return URLDecoder.decode(parameter, StandardCharsets.UTF_8);
	}
}
