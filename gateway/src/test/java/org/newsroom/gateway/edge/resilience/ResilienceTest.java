package org.newsroom.gateway.edge.resilience;

import java.time.Duration;
import java.util.Map;

import com.github.tomakehurst.wiremock.http.Fault;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsroom.gateway.GatewayTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What clients see when a service fails: time limits, retries for reads only, the circuit
 * breaker's open → half-open → closed cycle, and honest 503/504 answers instead of waiting or
 * pretending.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"newsroom.edge.rate-limits.enabled=false",
		"spring.cloud.gateway.server.webflux.httpclient.response-timeout=1500ms",
		"newsroom.edge.resilience.retries=2",
		"newsroom.edge.resilience.first-backoff=20ms",
		"newsroom.edge.resilience.max-backoff=50ms",
		"resilience4j.circuitbreaker.configs.default.sliding-window-size=4",
		"resilience4j.circuitbreaker.configs.default.minimum-number-of-calls=4",
		"resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state=1s",
		"resilience4j.circuitbreaker.configs.default.permitted-number-of-calls-in-half-open-state=2",
		"resilience4j.circuitbreaker.configs.default.slow-call-duration-threshold=5s" })
@AutoConfigureWebTestClient(timeout = "PT30S")
class ResilienceTest extends GatewayTestSupport {

	static final String DOWN = closedPort();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registerServices(registry);
		// ranking-service is not running at all in this test
		registry.add("newsroom.services.ranking", () -> DOWN);
	}

	@Autowired
	ServiceBreakers breakers;

	@BeforeEach
	void closeBreakers() {
		for (String route : new String[] { "articles", "media", "media-upload", "rankings" }) {
			breakers.named("route-" + route).reset();
		}
	}

	@Test
	void aServiceThatIsDownIs503ProblemJsonWithRetryAfterAtOnce() {
		long started = System.nanoTime();
		http.get().uri("/api/rankings/top").exchange()
			.expectStatus().isEqualTo(503)
			.expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(String.class).value(body -> assertThat(body)
				.contains("urn:newsroom:problem:service-unavailable", "ranking")
				.doesNotContain("Exception", "127.0.0.1", "localhost"));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
	}

	@Test
	void aWriteToAServiceThatIsDownIsNeverAnsweredWithSuccess() {
		http.post().uri("/api/rankings/views").contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"articleId\": \"64b7f0c2a1b2c3d4e5f60001\"}")
			.exchange()
			.expectStatus().isEqualTo(503)
			.expectHeader().exists(HttpHeaders.RETRY_AFTER);
	}

	@Test
	void aHangingServiceIsCutOffAtItsTimeLimitWith504() {
		articles.stubFor(get(urlEqualTo("/api/articles/slow")).willReturn(okJson("{}").withFixedDelay(5000)));
		long started = System.nanoTime();
		http.get().uri("/api/articles/slow").exchange()
			.expectStatus().isEqualTo(504)
			.expectHeader().exists(HttpHeaders.RETRY_AFTER)
			.expectBody().jsonPath("$.type").isEqualTo("urn:newsroom:problem:gateway-timeout");
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		// the time limit (1.5 s), not the service's 5 s; timeouts are not retried
		assertThat(took).isBetween(Duration.ofMillis(1400), Duration.ofMillis(3500));
		articles.verify(1, getRequestedFor(urlEqualTo("/api/articles/slow")));
	}

	@Test
	void readsAreRetriedAfterABadGatewayAndSucceed() {
		articles.stubFor(get(urlEqualTo("/api/articles/flaky")).inScenario("flaky").whenScenarioStateIs(STARTED)
			.willReturn(aResponse().withStatus(502)).willSetStateTo("recovered"));
		articles.stubFor(get(urlEqualTo("/api/articles/flaky")).inScenario("flaky").whenScenarioStateIs("recovered")
			.willReturn(okJson("{\"id\": \"a\"}")));
		http.get().uri("/api/articles/flaky").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.id").isEqualTo("a");
		articles.verify(2, getRequestedFor(urlEqualTo("/api/articles/flaky")));
	}

	@Test
	void readsAreRetriedAfterAConnectionResetButGiveUpHonestly() {
		articles.stubFor(get(urlEqualTo("/api/articles/broken"))
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		http.get().uri("/api/articles/broken").exchange().expectStatus().isEqualTo(503);
		// one attempt and two retries
		articles.verify(3, getRequestedFor(urlEqualTo("/api/articles/broken")));
	}

	@Test
	void writesAreNeverRetried() {
		String token = identity.editor();
		articles.stubFor(post(urlEqualTo("/api/articles")).willReturn(aResponse().withStatus(502)));
		http.post().uri("/api/articles").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON).bodyValue("{\"headline\": \"x\"}")
			.exchange()
			.expectStatus().isEqualTo(502);
		articles.verify(1, postRequestedFor(urlEqualTo("/api/articles")));

		articles.stubFor(post(urlEqualTo("/api/articles/a/publish"))
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		http.post().uri("/api/articles/a/publish").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange()
			.expectStatus().isEqualTo(503);
		articles.verify(1, postRequestedFor(urlEqualTo("/api/articles/a/publish")));
	}

	@Test
	void aServicesOwnErrorAnswerReachesTheClientUnchanged() {
		media.stubFor(get(urlEqualTo("/api/media/x")).willReturn(aResponse().withStatus(503)
			.withHeader("Content-Type", "application/problem+json").withHeader("Retry-After", "7")
			.withBody("{\"type\": \"urn:newsroom:problem:store-unavailable\", \"status\": 503}")));
		http.get().uri("/api/media/x").exchange()
			.expectStatus().isEqualTo(503)
			.expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "7")
			.expectBody().jsonPath("$.type").isEqualTo("urn:newsroom:problem:store-unavailable");
		media.verify(1, getRequestedFor(urlEqualTo("/api/media/x")));
	}

	@Test
	void theBreakerOpensOnFailuresAnswersFastWhileOpenThenProbesAndCloses() throws InterruptedException {
		CircuitBreaker breaker = breakers.named("route-media");
		media.stubFor(get(urlEqualTo("/api/media/p")).willReturn(aResponse().withStatus(500)));
		for (int i = 0; i < 4; i++) {
			http.get().uri("/api/media/p").exchange().expectStatus().isEqualTo(500);
		}
		assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);

		media.resetRequests();
		long started = System.nanoTime();
		http.get().uri("/api/media/p").exchange()
			.expectStatus().isEqualTo(503)
			.expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
			.expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("pause"));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));
		media.verify(0, getRequestedFor(urlEqualTo("/api/media/p")));

		// the service recovers; after the pause the breaker lets probes through and closes
		media.stubFor(get(urlEqualTo("/api/media/p")).willReturn(okJson("{\"id\": \"p\"}")));
		Thread.sleep(1100);
		http.get().uri("/api/media/p").exchange().expectStatus().isOk();
		assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
		http.get().uri("/api/media/p").exchange().expectStatus().isOk();
		assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
		media.verify(2, getRequestedFor(urlEqualTo("/api/media/p")));

		// other routes never noticed
		articles.stubFor(get(urlEqualTo("/api/articles/q")).willReturn(okJson("{}")));
		http.get().uri("/api/articles/q").exchange().expectStatus().isOk();
	}

	@Test
	void aFailedProbeOpensTheBreakerAgain() throws InterruptedException {
		CircuitBreaker breaker = breakers.named("route-articles");
		articles.stubFor(get(urlEqualTo("/api/articles/r")).willReturn(aResponse().withStatus(500)));
		for (int i = 0; i < 4; i++) {
			http.get().uri("/api/articles/r").exchange().expectStatus().isEqualTo(500);
		}
		assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
		Thread.sleep(1100);
		http.get().uri("/api/articles/r").exchange().expectStatus().isEqualTo(500);
		http.get().uri("/api/articles/r").exchange().expectStatus().isEqualTo(500);
		assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
		http.get().uri("/api/articles/r").exchange().expectStatus().isEqualTo(503);
	}

	@Test
	@SuppressWarnings("unchecked")
	void everyBreakerIsListedAtTheActuatorWithItsConfiguredThresholds() {
		Map<String, Object> body = http.get().uri("/actuator/circuitbreakers").exchange().expectStatus().isOk()
			.expectBody(Map.class).returnResult().getResponseBody();
		Map<String, Object> listed = (Map<String, Object>) body.get("circuitBreakers");
		assertThat(listed).containsKeys("route-articles", "route-media", "route-media-upload", "route-rankings",
				"route-desk-articles", "page-article", "page-lead-image", "page-top", "page-related", "page-latest");
		for (Object breaker : listed.values()) {
			assertThat((Map<String, Object>) breaker).containsEntry("failureRateThreshold", "50.0%")
				.containsEntry("slowCallRateThreshold", "80.0%");
		}
		// and with the values this test set on the shared settings
		var config = breakers.named("route-rankings").getCircuitBreakerConfig();
		assertThat(config.getSlidingWindowSize()).isEqualTo(4);
		assertThat(config.getPermittedNumberOfCallsInHalfOpenState()).isEqualTo(2);
		assertThat(breakers.named("page-top").getCircuitBreakerConfig().getMinimumNumberOfCalls()).isEqualTo(4);
	}

	@Test
	void everyBreakerIsInTheMetrics() {
		String metrics = http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(metrics).containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"route-articles\"")
			.containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"page-top\"")
			.containsPattern("resilience4j_circuitbreaker_failure_rate\\{[^}]*name=\"route-media\"");
	}
}
