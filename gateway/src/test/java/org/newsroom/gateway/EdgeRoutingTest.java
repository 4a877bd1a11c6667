package org.newsroom.gateway;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.newsroom.platform.test.ApiDocumentCheck;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/** Routing, the edge's role rules and token checks, and what the services receive. */
class EdgeRoutingTest extends RunningGatewayTestSupport {

	@BeforeEach
	void answerEverything() {
		for (var service : new com.github.tomakehurst.wiremock.WireMockServer[] { articles, media, rankings }) {
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
	void eachServicesOpenApiDocumentIsReachableUnderItsOwnPath() {
		http.get().uri("/api-docs/articles").exchange().expectStatus().isOk();
		http.get().uri("/api-docs/media").exchange().expectStatus().isOk();
		http.get().uri("/api-docs/rankings").exchange().expectStatus().isOk();
		articles.verify(getRequestedFor(urlEqualTo("/v3/api-docs")));
		media.verify(getRequestedFor(urlEqualTo("/v3/api-docs")));
		rankings.verify(getRequestedFor(urlEqualTo("/v3/api-docs")));
		http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.paths['/api/pages/articles/{slug}']").exists();
		http.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
	}

	/** docs/openapi/gateway.json is what the gateway serves, its page composites' parts the services' schemas. */
	@Test
	void theGatewaysOwnDocumentIsTheCommittedContract() {
		String served = http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		ApiDocumentCheck.check(served, "gateway");
		http.get().uri("/v3/api-docs/swagger-config").exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.urls[0].url").isEqualTo("/api-docs/articles");
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
		assertNothingReached(articles);
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
		http.get().uri("/api/articles/x/revisions").exchange().expectStatus().isUnauthorized();
		assertNothingReached(articles);
		assertNothingReached(media);
		assertNothingReached(rankings);
	}

	@Test
	void eachRoleGetsWhatItNeeds() {
		http.delete().uri("/api/articles/x").header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.admin())
			.exchange().expectStatus().isOk();
		http.post().uri("/api/rankings/views/batch").header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.ingest())
			.contentType(MediaType.APPLICATION_JSON).bodyValue("{\"views\": []}").exchange().expectStatus().isOk();
		http.get().uri("/api/media/x/original").header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.editor())
			.exchange().expectStatus().isOk();
		http.post().uri("/api/rankings/views").contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"articleId\": \"64b7f0c2a1b2c3d4e5f60001\"}").exchange().expectStatus().isOk();
	}

	@Test
	void forgedTokensAre401EvenOnReads() {
		String[] forged = { identity.unsigned("editor1", "editor"), identity.signedByStranger("editor1", "editor"),
				identity.expired("editor1", "editor"),
				identity.fromIssuer("https://login.attacker.example/realms/news", "editor1", "editor"),
				identity.fromIssuer(identity.issuer().replace("/realms/news", "/realms/other"), "editor1", "editor"),
				"not-a-jwt-at-all" };
		for (String token : forged) {
			http.get().uri("/api/articles/x").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
				.exchange()
				.expectStatus().isUnauthorized()
				.expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, v -> assertThat(v).contains("invalid_token"))
				.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
			http.post().uri("/api/articles").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange().expectStatus().isUnauthorized();
		}
		assertNothingReached(articles);
	}

	@Test
	void everyProxiedCallCarriesARequestIdTraceContextAndTheClientAddress() {
		http.get().uri("/api/articles/slug/a").exchange()
			.expectStatus().isOk()
			.expectHeader().value("X-Request-Id", id -> assertThat(id).hasSizeGreaterThanOrEqualTo(8));
		articles.verify(getRequestedFor(urlEqualTo("/api/articles/slug/a"))
			.withHeader("X-Request-Id", matching("[0-9a-f-]{36}"))
			.withHeader("traceparent", matching("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]"))
			.withHeader("X-Forwarded-For", equalTo("127.0.0.1")));
	}

	@Test
	void aClientsRequestIdIsKeptWhenItIsPlainAndReplacedWhenItIsNot() {
		http.get().uri("/api/articles/slug/b").header("X-Request-Id", "mobile-app-7f3a9c21").exchange()
			.expectHeader().valueEquals("X-Request-Id", "mobile-app-7f3a9c21");
		articles.verify(getRequestedFor(urlEqualTo("/api/articles/slug/b"))
			.withHeader("X-Request-Id", equalTo("mobile-app-7f3a9c21")));

		http.get().uri("/api/articles/slug/c").header("X-Request-Id", "x\"; rm -rf /").exchange()
			.expectHeader().value("X-Request-Id", id -> assertThat(id).matches("[0-9a-f-]{36}"));
		articles.verify(getRequestedFor(urlEqualTo("/api/articles/slug/c"))
			.withHeader("X-Request-Id", matching("[0-9a-f-]{36}")));
	}

	@Test
	void theAnswerCarriesTheRequestIdOnceEvenWhenTheServiceEchoesItToo() {
		articles.stubFor(any(urlPathMatching("/api/articles/slug/echo")).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json").withHeader("X-Request-Id", "echoed-by-the-service")
			.withBody("{}")));
		http.get().uri("/api/articles/slug/echo").header("X-Request-Id", "edge-request-0001").exchange()
			.expectStatus().isOk()
			.expectHeader().values("X-Request-Id", ids -> assertThat(ids).containsExactly("edge-request-0001"));
	}

	@Test
	void aValidTraceparentIsPassedOnUnchangedAndABrokenOneIsReplaced() {
		String sent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
		http.get().uri("/api/articles/slug/traced").header("traceparent", sent).exchange().expectStatus().isOk();
		articles.verify(getRequestedFor(urlEqualTo("/api/articles/slug/traced")).withHeader("traceparent", equalTo(sent)));

		http.get().uri("/api/articles/slug/untraced").header("traceparent", "00-00000000000000000000000000000000-00f067aa0ba902b7-01")
			.exchange().expectStatus().isOk();
		articles.verify(getRequestedFor(urlEqualTo("/api/articles/slug/untraced"))
			.withHeader("traceparent", matching("00-(?!0{32})[0-9a-f]{32}-[0-9a-f]{16}-00")));
	}

	@Test
	void aForwardedForHeaderFromAnUntrustedClientIsNotBelieved() {
		http.get().uri("/api/articles/slug/d").header("X-Forwarded-For", "203.0.113.9").exchange();
		articles.verify(getRequestedFor(urlEqualTo("/api/articles/slug/d"))
			.withHeader("X-Forwarded-For", equalTo("127.0.0.1")));
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void everyRequestIsOneJsonAccessLogLineWithItsIds(CapturedOutput output) {
		http.get().uri("/api/articles/slug/logged").header("X-Request-Id", "access-log-check-1").exchange()
			.expectStatus().isOk();
		http.post().uri("/api/articles").header("X-Request-Id", "access-log-check-2").exchange()
			.expectStatus().isUnauthorized();
		// the log is written in the background, a few milliseconds later
		String line = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
			.until(() -> output.getOut().lines().filter(l -> l.contains("access-log-check-1") && l.startsWith("{"))
				.findFirst(), java.util.Optional::isPresent)
			.orElseThrow();
		tools.jackson.databind.JsonNode entry = tools.jackson.databind.json.JsonMapper.builder().build().readTree(line);
		assertThat(entry.path("type").asString()).isEqualTo("access");
		assertThat(entry.path("method").asString()).isEqualTo("GET");
		assertThat(entry.path("path").asString()).isEqualTo("/api/articles/slug/logged");
		assertThat(entry.path("status").asInt()).isEqualTo(200);
		assertThat(entry.path("durationMs").isNumber()).isTrue();
		assertThat(entry.path("traceId").asString()).matches("[0-9a-f]{32}");
		assertThat(entry.path("route").asString()).isEqualTo("articles");
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
				output.getOut()).containsPattern("\\{[^\\n]*\"status\":401[^\\n]*\"requestId\":\"access-log-check-2\""));
	}

	@Test
	void unknownPathsAre404ProblemJson() {
		http.get().uri("/wp-admin/setup.php").exchange().expectStatus().isNotFound()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}
}
