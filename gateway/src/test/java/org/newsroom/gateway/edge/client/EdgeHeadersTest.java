package org.newsroom.gateway.edge.client;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsroom.gateway.RunningGatewayTestSupport;

import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/** CORS for the configured front ends only, and the security headers on every kind of answer. */
@TestPropertySource(properties = { "newsroom.edge.trusted-proxies=127.0.0.1,::1",
		"NEWSROOM_EDGE_CORS_ORIGINS=https://www.news.example, https://app.news.example" })
class EdgeHeadersTest extends RunningGatewayTestSupport {

	@BeforeEach
	void servicesAnswerWithTheirOwnHeaders() {
		articles.stubFor(any(urlPathMatching("/.*")).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json").withHeader("X-Frame-Options", "SAMEORIGIN")
			.withBody("{}")));
	}

	@Test
	void aConfiguredOriginMayCallTheApiFromABrowser() {
		http.options().uri("/api/articles")
			.header(HttpHeaders.ORIGIN, "https://app.news.example")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization, content-type")
			.exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://app.news.example")
			.expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, v -> assertThat(v).contains("POST"));
		http.get().uri("/api/articles/x").header(HttpHeaders.ORIGIN, "https://www.news.example").exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://www.news.example")
			.expectHeader().value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, v -> assertThat(v).contains("X-Request-Id"));
		// the preflight itself never reaches a service
		articles.verify(0, com.github.tomakehurst.wiremock.client.WireMock.optionsRequestedFor(urlPathMatching("/.*")));
	}

	@Test
	void anyOtherOriginIsRefused() {
		http.options().uri("/api/articles")
			.header(HttpHeaders.ORIGIN, "https://evil.example")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
			.exchange()
			.expectStatus().isForbidden()
			.expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
		http.post().uri("/api/articles").header(HttpHeaders.ORIGIN, "https://evil.example")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.editor()).bodyValue("{}")
			.exchange()
			.expectStatus().isForbidden()
			.expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
		assertNothingReached(articles);
	}

	@Test
	void apiAnswersCarryTheSecurityHeadersOnceAndNoHstsOverPlainHttp() {
		http.get().uri("/api/articles/x").exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader().values("X-Frame-Options", v -> assertThat(v).containsExactly("DENY"))
			.expectHeader().valueEquals("Referrer-Policy", "strict-origin-when-cross-origin")
			.expectHeader().valueEquals("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
			.expectHeader().doesNotExist("Strict-Transport-Security");
	}

	@Test
	void htsIsSentWhenATrustedProxySaysTheClientCameOverTls() {
		http.get().uri("/api/articles/x").header("X-Forwarded-Proto", "https").exchange()
			.expectHeader().valueEquals("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
	}

	@Test
	void errorsCarryTheSecurityHeadersToo() {
		http.get().uri("/no/such/page").exchange()
			.expectStatus().isNotFound()
			.expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader().valueEquals("X-Frame-Options", "DENY");
	}
}
