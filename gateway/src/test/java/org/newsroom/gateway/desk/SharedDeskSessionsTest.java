package org.newsroom.gateway.desk;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsroom.gateway.GatewayApplication;
import org.newsroom.gateway.RunningGatewayTestSupport;
import org.newsroom.platform.test.RedisServer;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two gateway replicas with the desk's sessions in one real Redis (newsroom.desk.sessions=redis):
 * an editor signed in on one is signed in on the other, with the same tokens (refreshed ones
 * too) and the same CSRF token; signing out on one ends the session on both; Redis not answering
 * stops the desk with a 503, never readers.
 */
class SharedDeskSessionsTest extends RunningGatewayTestSupport {

	private static final RedisServer redis = RedisServer.started();

	private static ConfigurableApplicationContext otherReplica;

	/** The second replica, on its own port. */
	private static WebTestClient other;

	@DynamicPropertySource
	static void sharedSessions(DynamicPropertyRegistry registry) {
		registry.add("newsroom.desk.sessions", () -> "redis");
		registry.add("spring.data.redis.url", redis::url);
		// not Spring Session's own default (30 minutes): the TTL below tells whether it is used
		registry.add("server.reactive.session.timeout", () -> "20m");
	}

	@BeforeAll
	static void startTheOtherReplica() {
		Map<String, Object> settings = new LinkedHashMap<>();
		DynamicPropertyRegistry same = (name, value) -> settings.put(name, value.get());
		registerServices(same);
		sharedSessions(same);
		settings.put("newsroom.edge.rate-limits.enabled", "false");
		settings.put("server.port", "0");
		// as arguments: SpringApplicationBuilder's own properties would come after application.yml's
		otherReplica = new SpringApplicationBuilder(GatewayApplication.class)
			.run(settings.entrySet().stream().map(setting -> "--" + setting.getKey() + "=" + setting.getValue())
				.toArray(String[]::new));
		other = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + otherReplica.getEnvironment().getProperty("local.server.port"))
			.responseTimeout(Duration.ofSeconds(30))
			.build();
	}

	@AfterAll
	static void stopTheOtherReplicaAndRedis() {
		if (otherReplica != null) {
			otherReplica.close();
		}
		redis.stop();
	}

	@Test
	void anEditorSignedInOnOneReplicaWorksOnTheOther() {
		DeskSessions.SignedIn editor = DeskSessions.signIn(http, identity, "editor1", "editor");
		articles.stubFor(get(urlPathEqualTo("/api/articles")).willReturn(okJson("{\"items\": [], \"nextCursor\": null}")));
		articles.stubFor(put(urlEqualTo("/api/articles/65f1c2a9e4b0a1b2c3d4e5aa"))
			.willReturn(okJson("{\"id\": \"65f1c2a9e4b0a1b2c3d4e5aa\", \"version\": 4}").withHeader("ETag", "\"4\"")));

		other.get().uri("/desk/api/session").header(HttpHeaders.COOKIE, editor.cookie()).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.user").isEqualTo("editor1");
		other.get().uri("/desk/api/articles").header(HttpHeaders.COOKIE, editor.cookie()).exchange()
			.expectStatus().isOk();
		articles.verify(getRequestedFor(urlPathEqualTo("/api/articles"))
			.withHeader(HttpHeaders.AUTHORIZATION, WireMock.matching("Bearer eyJ.+")));
		// the CSRF token the first replica handed out is the session's, so the other takes it
		other.put().uri("/desk/api/articles/65f1c2a9e4b0a1b2c3d4e5aa").header(HttpHeaders.COOKIE, editor.cookie())
			.header("X-CSRF-TOKEN", editor.csrf()).header(HttpHeaders.IF_MATCH, "\"3\"")
			.contentType(MediaType.APPLICATION_JSON).bodyValue("{\"headline\": \"x\"}")
			.exchange()
			.expectStatus().isOk();
		articles.verify(putRequestedFor(urlEqualTo("/api/articles/65f1c2a9e4b0a1b2c3d4e5aa")));
		other.get().uri("/desk").header(HttpHeaders.COOKIE, editor.cookie()).accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isOk();

		String key = "newsroom:desk:sessions:" + editor.cookie().substring(editor.cookie().indexOf('=') + 1);
		assertThat(Long.parseLong(redis.command("TTL " + key).substring(1)))
			.as("the session ends after the idle time of server.reactive.session.timeout")
			.isBetween(1100L, 1200L);
	}

	@Test
	void aTokenRefreshedOnOneReplicaIsTheOnesTheOtherUses() {
		DeskSessions.SignedIn editor = DeskSessions.signIn(http, identity, Duration.ofSeconds(1), "editor3", "editor");
		String fresh = DeskSessions.answerRefreshes(identity, "editor3", Duration.ZERO);
		articles.stubFor(get(urlPathEqualTo("/api/articles")).willReturn(okJson("{\"items\": []}")));

		int refreshesBefore = DeskSessions.refreshes(identity);

		http.get().uri("/desk/api/articles").header(HttpHeaders.COOKIE, editor.cookie()).exchange().expectStatus().isOk();
		other.get().uri("/desk/api/articles").header(HttpHeaders.COOKIE, editor.cookie()).exchange().expectStatus().isOk();

		articles.verify(2, getRequestedFor(urlPathEqualTo("/api/articles"))
			.withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer " + fresh)));
		// (Keycloak takes each refresh token once: a second refresh with it would sign the editor out)
		assertThat(DeskSessions.refreshes(identity) - refreshesBefore).as("refreshes of the session's tokens").isEqualTo(1);
	}

	@Test
	void signingOutOnOneReplicaEndsTheSessionOnBoth() {
		DeskSessions.SignedIn editor = DeskSessions.signIn(http, identity, "editor1", "editor");

		other.post().uri("/logout").header(HttpHeaders.COOKIE, editor.cookie())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("_csrf=" + editor.csrf())
			.exchange()
			.expectStatus().isFound()
			.expectHeader().value(HttpHeaders.LOCATION, location -> assertThat(location)
				.startsWith(identity.issuer() + "/protocol/openid-connect/logout"));

		http.get().uri("/desk").header(HttpHeaders.COOKIE, editor.cookie()).accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isFound()
			.expectHeader().valueEquals(HttpHeaders.LOCATION, DeskSecurity.SIGN_IN);
	}

	/**
	 * A session written by another version of the gateway (a rolling upgrade) may hold what this
	 * one cannot read: the editor is asked to sign in again, never shown an error.
	 */
	@Test
	void aSessionValueThisGatewayCannotReadMeansSigningInAgain() {
		DeskSessions.SignedIn editor = DeskSessions.signIn(http, identity, "editor1", "editor");
		String key = "newsroom:desk:sessions:" + editor.cookie().substring(editor.cookie().indexOf('=') + 1);
		assertThat(redis.command("HSET " + key + " sessionAttr:SPRING_SECURITY_CONTEXT not-a-serialized-object"))
			.isEqualTo(":0");

		other.get().uri("/desk").header(HttpHeaders.COOKIE, editor.cookie()).accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isFound()
			.expectHeader().valueEquals(HttpHeaders.LOCATION, DeskSecurity.SIGN_IN);
	}

	@Test
	void withRedisDownTheDeskAnswers503AndReadersAreServed() {
		DeskSessions.SignedIn editor = DeskSessions.signIn(http, identity, "editor1", "editor");
		articles.stubFor(get(urlEqualTo("/api/articles/65f1c2a9e4b0a1b2c3d4e5aa"))
			.willReturn(okJson("{\"id\": \"65f1c2a9e4b0a1b2c3d4e5aa\", \"version\": 4}")));
		redis.stop();
		try {
			other.get().uri("/desk/api/session").header(HttpHeaders.COOKIE, editor.cookie()).exchange()
				.expectStatus().isEqualTo(503)
				.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectHeader().exists(HttpHeaders.RETRY_AFTER);
			http.get().uri("/desk").header(HttpHeaders.COOKIE, editor.cookie()).accept(MediaType.TEXT_HTML).exchange()
				.expectStatus().isEqualTo(503);
			http.get().uri("/api/articles/65f1c2a9e4b0a1b2c3d4e5aa").exchange().expectStatus().isOk();
			other.get().uri("/api/articles/65f1c2a9e4b0a1b2c3d4e5aa").exchange().expectStatus().isOk();
		}
		finally {
			redis.start();
		}
		// a Redis started empty knows no session: the editor is asked to sign in again, nothing fails
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> http.get().uri("/desk")
			.header(HttpHeaders.COOKIE, editor.cookie()).accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isFound()
			.expectHeader().valueEquals(HttpHeaders.LOCATION, DeskSecurity.SIGN_IN));
	}
}
