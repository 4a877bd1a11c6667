package org.newsroom.gateway.desk;

import org.junit.jupiter.api.Test;
import org.newsroom.gateway.RunningGatewayTestSupport;
import org.newsroom.gateway.cache.PageServer;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.PathContainer;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desk's sign-in, session and CSRF rules at the gateway, and that readers and bearer-token
 * clients meet none of them. (Signing in for real, through Keycloak's page, is e2e-tests' DeskIT.)
 */
@TestPropertySource(properties = "newsroom.public-base-url=https://news.example")
class DeskSignInTest extends RunningGatewayTestSupport {

	@Test
	void anAnonymousVisitorIsSentToKeycloaksLoginPageWithPkce() {
		EntityExchangeResult<byte[]> desk = http.get().uri("/desk").accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isFound()
			.expectHeader().valueEquals(HttpHeaders.LOCATION, DeskSecurity.SIGN_IN)
			.expectBody().returnResult();
		ResponseCookie session = desk.getResponseCookies().getFirst("NEWSROOM_DESK");
		assertThat(session).as("the session that remembers where to come back to").isNotNull();
		assertThat(session.isHttpOnly()).isTrue();
		assertThat(session.getSameSite()).isEqualTo("Lax");
		assertThat(session.isSecure()).as("plain HTTP in local runs (NEWSROOM_DESK_COOKIE_SECURE)").isFalse();

		http.get().uri(DeskSecurity.SIGN_IN).cookie(session.getName(), session.getValue()).exchange()
			.expectStatus().isFound()
			.expectHeader().value(HttpHeaders.LOCATION, location -> assertThat(location)
				.startsWith(identity.issuer() + "/protocol/openid-connect/auth?")
				.contains("response_type=code", "client_id=news-desk", "code_challenge=", "code_challenge_method=S256",
						"state=", "nonce=", "scope=openid%20profile")
				// the public address, whatever address the request came in on
				.contains("redirect_uri=https://news.example/login/oauth2/code/news-desk"));
	}

	@Test
	void signingOutWithoutTheSessionsCsrfTokenIsRefused() {
		http.post().uri("/logout").exchange().expectStatus().isForbidden();

		ResponseCookie session = http.get().uri("/desk").accept(MediaType.TEXT_HTML).exchange()
			.expectBody().returnResult().getResponseCookies().getFirst("NEWSROOM_DESK");
		http.post().uri("/logout").cookie(session.getName(), session.getValue())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("_csrf=made-up")
			.exchange()
			.expectStatus().isForbidden();
		http.post().uri("/desk").cookie(session.getName(), session.getValue())
			.header(HttpHeaders.ORIGIN, "https://elsewhere.example")
			.exchange()
			.expectStatus().isForbidden();
	}

	@Test
	void deskPagesAreNeverStoredAndRunNoInlineScript() {
		http.get().uri(DeskSecurity.SIGN_IN_FAILED).accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isUnauthorized()
			.expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectHeader().value(HttpHeaders.CACHE_CONTROL, value -> assertThat(value).contains("no-store"))
			.expectHeader().value("Content-Security-Policy", policy -> assertThat(policy)
				.contains("script-src 'self';", "frame-ancestors 'none'")
				// sign-out's answer sends the browser on to Keycloak's end of session
				// and from there to the site's front page, whichever address this page came from
				.contains("form-action 'self' https://news.example " + identity.issuer().replaceAll("(https?://[^/]+).*", "$1"))
				.doesNotContain("unsafe-inline", "unsafe-eval"))
			.expectBody(String.class).value(page -> assertThat(page)
				.contains("Sign-in did not complete", "<a href=\"/desk\">")
				.doesNotContain("<script>"));
		http.get().uri("/desk").accept(MediaType.TEXT_HTML).exchange()
			.expectHeader().value(HttpHeaders.CACHE_CONTROL, value -> assertThat(value).contains("no-store"));
	}

	@Test
	void deskPathsAreNeverPagesOfThePageCache() {
		for (String path : new String[] { "/desk", "/desk/", "/desk/stories", "/oauth2/authorization/news-desk" }) {
			assertThat(PageServer.keyOf(PathContainer.parsePath(path), false)).as(path).isNull();
		}
	}

	@Test
	void readersAndBearerTokenClientsMeetNoSessionRedirectOrCsrfCheck() {
		articles.stubFor(any(urlPathMatching("/api/articles.*")).willReturn(aResponse().withStatus(201)
			.withHeader("Content-Type", "application/json").withBody("{}")));

		http.get().uri("/api/articles").exchange()
			.expectStatus().isCreated()
			.expectHeader().doesNotExist(HttpHeaders.SET_COOKIE);
		http.post().uri("/api/articles").header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.editor())
			.contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
			.exchange()
			.expectStatus().isCreated()
			.expectHeader().doesNotExist(HttpHeaders.SET_COOKIE);
		// an API client without a token is challenged for one, never sent to a login page
		http.post().uri("/api/articles").accept(MediaType.TEXT_HTML).contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus().isUnauthorized()
			.expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"news\"")
			.expectHeader().doesNotExist(HttpHeaders.SET_COOKIE);
		articles.verify(2, anyRequestedFor(urlPathMatching("/api/articles.*")));
	}
}
