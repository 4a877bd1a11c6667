package org.newsroom.gateway.desk;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsroom.gateway.RunningGatewayTestSupport;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desk's pages call the services' APIs under /desk/api/** with the editor's session: the
 * gateway relays each call with the editor's access token (refreshed when it has expired), asks
 * for the CSRF token on every change, and answers an ended session with a problem the page can
 * act on, never a redirect.
 */
class DeskRelayTest extends RunningGatewayTestSupport {

	@BeforeEach
	void reset() {
		articles.resetAll();
	}

	@Test
	void anEditorsCallGoesOnWithTheEditorsTokenAndWithoutTheSessionCookie() {
		DeskSessions.SignedIn editor = DeskSessions.signIn(http, identity, "editor1", "editor");
		articles.stubFor(get(urlPathEqualTo("/api/articles")).willReturn(okJson("{\"items\": [], \"nextCursor\": null}")));

		http.get().uri("/desk/api/articles?status=DRAFT&q={q}", "서울").header(HttpHeaders.COOKIE, editor.cookie()).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.items").isArray();

		articles.verify(getRequestedFor(urlPathEqualTo("/api/articles")).withQueryParam("status", equalTo("DRAFT"))
			.withQueryParam("q", equalTo("서울"))
			.withHeader(HttpHeaders.AUTHORIZATION, WireMock.matching("Bearer eyJ.+"))
			.withHeader(HttpHeaders.COOKIE, absent()));
	}

	@Test
	void aChangeNeedsTheSessionsCsrfTokenWhichStaysAtTheGateway() {
		DeskSessions.SignedIn editor = DeskSessions.signIn(http, identity, "editor1", "editor");
		articles.stubFor(put(urlEqualTo("/api/articles/65f1c2a9e4b0a1b2c3d4e5aa"))
			.willReturn(okJson("{\"id\": \"65f1c2a9e4b0a1b2c3d4e5aa\", \"version\": 4}").withHeader("ETag", "\"4\"")));

		http.put().uri("/desk/api/articles/65f1c2a9e4b0a1b2c3d4e5aa").header(HttpHeaders.COOKIE, editor.cookie())
			.header(HttpHeaders.IF_MATCH, "\"3\"").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"headline\": \"x\"}")
			.exchange()
			.expectStatus().isForbidden()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.type").isEqualTo("urn:newsroom:problem:csrf-refused");
		assertNothingReached(articles);

		http.put().uri("/desk/api/articles/65f1c2a9e4b0a1b2c3d4e5aa").header(HttpHeaders.COOKIE, editor.cookie())
			.header("X-CSRF-TOKEN", editor.csrf())
			.header(HttpHeaders.IF_MATCH, "\"3\"").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"headline\": \"x\"}")
			.exchange()
			.expectStatus().isOk()
			// (WireMock's server marks the tag of a body it compressed itself: "4--gzip")
			.expectHeader().value(HttpHeaders.ETAG, tag -> assertThat(tag).startsWith("\"4"));
		articles.verify(putRequestedFor(urlEqualTo("/api/articles/65f1c2a9e4b0a1b2c3d4e5aa"))
			.withHeader(HttpHeaders.IF_MATCH, equalTo("\"3\""))
			.withHeader(HttpHeaders.AUTHORIZATION, containing("Bearer "))
			.withHeader("X-CSRF-TOKEN", absent())
			.withHeader(HttpHeaders.COOKIE, absent())
			.withRequestBody(equalTo("{\"headline\": \"x\"}")));
	}

	@Test
	void withoutASessionThePagesCallsGetAProblemNotTheSignInPage() {
		http.get().uri("/desk/api/articles").exchange()
			.expectStatus().isUnauthorized()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader().exists(HttpHeaders.WWW_AUTHENTICATE)
			.expectBody()
			.jsonPath("$.type").isEqualTo("urn:newsroom:problem:desk-signed-out")
			.jsonPath("$.signIn").isEqualTo(DeskSecurity.SIGN_IN);
		http.get().uri("/desk/api/session").exchange().expectStatus().isUnauthorized();
		assertNothingReached(articles);
	}

	@Test
	void anAccountWithoutTheEditorRoleReachesNoService() {
		DeskSessions.SignedIn reader = DeskSessions.signIn(http, identity, "reader1");

		http.get().uri("/desk/api/articles").header(HttpHeaders.COOKIE, reader.cookie()).exchange()
			.expectStatus().isForbidden()
			.expectBody().jsonPath("$.type").isEqualTo("urn:newsroom:problem:forbidden");
		assertNothingReached(articles);
	}

	@Test
	void anExpiredAccessTokenIsRefreshedFirst() {
		DeskSessions.SignedIn editor = DeskSessions.signIn(http, identity, Duration.ofSeconds(1), "editor1", "editor");
		String fresh = DeskSessions.answerRefreshes(identity, "editor1", Duration.ZERO);
		articles.stubFor(get(urlPathEqualTo("/api/articles")).willReturn(okJson("{\"items\": []}")));

		http.get().uri("/desk/api/articles").header(HttpHeaders.COOKIE, editor.cookie()).exchange()
			.expectStatus().isOk();

		articles.verify(getRequestedFor(urlPathEqualTo("/api/articles")).withHeader(HttpHeaders.AUTHORIZATION,
				equalTo("Bearer " + fresh)));
	}

	/**
	 * Keycloak takes a refresh token once: calls of one session that meet its expired token side
	 * by side (a page loading two things) must refresh it once and all go on with the new token.
	 */
	@Test
	void callsThatMeetAnExpiredTokenAtOnceRefreshItOnce() throws Exception {
		DeskSessions.SignedIn editor = DeskSessions.signIn(http, identity, Duration.ofSeconds(1), "editor4", "editor");
		// the realm takes half a second: the four calls meet the refresh under way
		String fresh = DeskSessions.answerRefreshes(identity, "editor4", Duration.ofMillis(500));
		articles.stubFor(get(urlPathEqualTo("/api/articles")).willReturn(okJson("{\"items\": []}")));
		int refreshesBefore = DeskSessions.refreshes(identity);

		ExecutorService pages = Executors.newFixedThreadPool(4);
		try {
			List<Future<Integer>> calls = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				calls.add(pages.submit(() -> http.get().uri("/desk/api/articles").header(HttpHeaders.COOKIE, editor.cookie())
					.exchange().returnResult(String.class).getStatus().value()));
			}
			for (Future<Integer> call : calls) {
				assertThat(call.get(30, TimeUnit.SECONDS)).isEqualTo(200);
			}
		}
		finally {
			pages.shutdownNow();
		}

		assertThat(DeskSessions.refreshes(identity) - refreshesBefore).as("refreshes").isEqualTo(1);
		articles.verify(4, getRequestedFor(urlPathEqualTo("/api/articles")).withHeader(HttpHeaders.AUTHORIZATION,
				equalTo("Bearer " + fresh)));
	}

	@Test
	void aSessionWhoseRefreshIsRefusedMustSignInAgain() {
		DeskSessions.SignedIn editor = DeskSessions.signIn(http, identity, Duration.ofSeconds(1), "editor2", "editor");
		identity.wireMock().stubFor(WireMock.post("/realms/news/protocol/openid-connect/token")
			.withRequestBody(containing("refresh_token=refresh-"))
			.willReturn(WireMock.aResponse().withStatus(400).withHeader("Content-Type", "application/json")
				.withBody("{\"error\": \"invalid_grant\", \"error_description\": \"Session not active\"}")));

		http.get().uri("/desk/api/articles").header(HttpHeaders.COOKIE, editor.cookie()).exchange()
			.expectStatus().isUnauthorized()
			.expectBody().jsonPath("$.type").isEqualTo("urn:newsroom:problem:desk-signed-out");
		// and the pages send the browser to sign in again
		http.get().uri("/desk").header(HttpHeaders.COOKIE, editor.cookie()).accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isFound()
			.expectHeader().valueEquals(HttpHeaders.LOCATION, DeskSecurity.SIGN_IN);
		articles.verify(0, anyRequestedFor(urlPathMatching("/api/.*")));
	}
}
