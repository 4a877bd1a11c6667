package org.newsroom.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsroom.platform.test.TestIdentityProvider;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class EdgeRoutingTest {

	static final TestIdentityProvider identity = new TestIdentityProvider();
	static final WireMockServer articles = started();
	static final WireMockServer media = started();
	static final WireMockServer rankings = started();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		identity.register(registry);
		registry.add("newsroom.services.article", articles::baseUrl);
		registry.add("newsroom.services.media", media::baseUrl);
		registry.add("newsroom.services.ranking", rankings::baseUrl);
	}

	@AfterAll
	static void stop() {
		identity.close();
		articles.stop();
		media.stop();
		rankings.stop();
	}

	@Autowired
	WebTestClient http;

	@BeforeEach
	void answerEverything() {
		for (WireMockServer service : new WireMockServer[] { articles, media, rankings }) {
			service.resetAll();
			service.stubFor(any(urlPathMatching("/.*")).willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json").withBody("{\"from\": \"" + service.port() + "\"}")));
		}
	}

	@Test
	void eachPathGoesToItsServiceUnchanged() {
		http.get().uri("/api/articles/slug/a-b?x=1").exchange().expectStatus().isOk();
		http.get().uri("/feeds/world/rss.xml").exchange().expectStatus().isOk();
		http.get().uri("/sitemaps/news.xml").exchange().expectStatus().isOk();
		http.get().uri("/api/media/abc/renditions/small").exchange().expectStatus().isOk();
		http.get().uri("/api/rankings/top?window=24h").exchange().expectStatus().isOk();

		articles.verify(getRequestedFor(urlEqualTo("/api/articles/slug/a-b?x=1")));
		articles.verify(getRequestedFor(urlEqualTo("/feeds/world/rss.xml")));
		articles.verify(getRequestedFor(urlEqualTo("/sitemaps/news.xml")));
		media.verify(getRequestedFor(urlEqualTo("/api/media/abc/renditions/small")));
		rankings.verify(getRequestedFor(urlEqualTo("/api/rankings/top?window=24h")));
	}

	@Test
	void theEditorsTokenIsPassedOnSoServicesCheckItToo() {
		String token = identity.editor();
		http.post().uri("/api/articles").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
			.exchange().expectStatus().isOk();
		articles.verify(postRequestedFor(urlEqualTo("/api/articles"))
			.withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer " + token)));
	}

	@Test
	void writesWithoutATokenAre401AndNeverReachAService() {
		http.post().uri("/api/articles").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
			.exchange()
			.expectStatus().isUnauthorized()
			.expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, v -> assertThat(v).startsWith("Bearer"))
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.status").isEqualTo(401).jsonPath("$.instance").isEqualTo("/api/articles");
		articles.verify(0, anyRequestedFor(urlPathMatching("/.*")));
	}

	@Test
	void theWrongRoleIs403ForEveryKindOfWrite() {
		String reader = identity.reader();
		http.post().uri("/api/articles").header(HttpHeaders.AUTHORIZATION, "Bearer " + reader)
			.contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange().expectStatus().isForbidden()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
		http.put().uri("/api/articles/x").header(HttpHeaders.AUTHORIZATION, "Bearer " + reader)
			.contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange().expectStatus().isForbidden();
		http.patch().uri("/api/media/x").header(HttpHeaders.AUTHORIZATION, "Bearer " + reader)
			.contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange().expectStatus().isForbidden();
		http.delete().uri("/api/articles/x").header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.editor())
			.exchange().expectStatus().isForbidden();
		http.post().uri("/api/rankings/views/batch").header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.editor())
			.contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange().expectStatus().isForbidden();
		http.get().uri("/api/media/x/original").header(HttpHeaders.AUTHORIZATION, "Bearer " + reader)
			.exchange().expectStatus().isForbidden();
		articles.verify(0, anyRequestedFor(urlPathMatching("/.*")));
		media.verify(0, anyRequestedFor(urlPathMatching("/.*")));
		rankings.verify(0, anyRequestedFor(urlPathMatching("/.*")));
	}

	@Test
	void anAdminMayDeleteAndTheBeaconIsAnonymous() {
		http.delete().uri("/api/articles/x").header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.admin())
			.exchange().expectStatus().isOk();
		http.post().uri("/api/rankings/views").contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"articleId\": \"64b7f0c2a1b2c3d4e5f60001\"}").exchange().expectStatus().isOk();
	}

	@Test
	void forgedTokensAre401EvenOnReads() {
		for (String token : new String[] { identity.unsigned("editor1", "editor"),
				identity.signedByStranger("editor1", "editor"), identity.expired("editor1", "editor") }) {
			http.get().uri("/api/articles/x").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
				.exchange().expectStatus().isUnauthorized();
		}
	}

	@Test
	void aServiceThatIsDownIs503ProblemJsonWithRetryAfter() {
		media.stop();
		try {
			http.get().uri("/api/media/abc").exchange()
				.expectStatus().isEqualTo(503)
				.expectHeader().exists(HttpHeaders.RETRY_AFTER)
				.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody(String.class).value(body -> assertThat(body).doesNotContain("Exception", "localhost", "127.0.0.1"));
		}
		finally {
			media.start();
		}
	}

	@Test
	void unknownPathsAre404ProblemJson() {
		http.get().uri("/wp-admin/setup.php").exchange().expectStatus().isNotFound()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	private static WireMockServer started() {
		WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		server.start();
		return server;
	}
}
