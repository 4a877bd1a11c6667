package org.newsroom.gateway.edge.limits;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.newsroom.gateway.GatewayTestSupport;
import reactor.core.publisher.Flux;

import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per-client rate limits (429 with Retry-After) and per-route body limits (413). The test
 * client's loopback address is a trusted proxy here, so each test can act as its own client
 * through {@code X-Forwarded-For}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"newsroom.edge.trusted-proxies=127.0.0.1,::1",
		"newsroom.edge.rate-limits.general.capacity=5",
		"newsroom.edge.rate-limits.general.per-second=0.2",
		"newsroom.edge.rate-limits.beacon-capacity=2",
		"newsroom.edge.rate-limits.beacon-per-second=0.1",
		"newsroom.edge.rate-limits.auth-failures=3",
		"newsroom.edge.rate-limits.auth-failure-window=30s",
		"NEWSROOM_EDGE_UPLOAD_MAX_BODY=3MB" })
@AutoConfigureWebTestClient(timeout = "PT30S")
class LimitsTest extends GatewayTestSupport {

	private static final AtomicInteger clients = new AtomicInteger(10);

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registerServices(registry);
	}

	private String client;

	@BeforeEach
	void aNewClientAndServicesThatAnswer() {
		client = "198.51.100." + clients.incrementAndGet();
		for (var service : new com.github.tomakehurst.wiremock.WireMockServer[] { articles, media, rankings }) {
			service.stubFor(any(urlPathMatching("/.*")).willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json").withBody("{}")));
		}
	}

	@Test
	void aClientOverItsBudgetGets429WithRetryAfterWhileOthersGoOn() {
		for (int i = 0; i < 5; i++) {
			http.get().uri("/api/articles/a").header("X-Forwarded-For", client).exchange().expectStatus().isOk();
		}
		http.get().uri("/api/articles/a").header("X-Forwarded-For", client).exchange()
			.expectStatus().isEqualTo(429)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader().value(HttpHeaders.RETRY_AFTER, v -> assertThat(Integer.parseInt(v)).isBetween(1, 5))
			.expectBody().jsonPath("$.type").isEqualTo("urn:newsroom:problem:too-many-requests");
		http.get().uri("/api/articles/a").header("X-Forwarded-For", "198.51.100.250").exchange().expectStatus().isOk();
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void aRefusedRequestIsLoggedAndTimedWithTheStatusTheClientGot(CapturedOutput output) {
		for (int i = 0; i < 5; i++) {
			http.get().uri("/api/articles/a").header("X-Forwarded-For", client).exchange().expectStatus().isOk();
		}
		http.get().uri("/api/articles/a").header("X-Forwarded-For", client).header("X-Request-Id", "refused-" + client)
			.exchange().expectStatus().isEqualTo(429);
		Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getOut())
			.containsPattern("\\{[^\\n]*\"status\":429[^\\n]*\"requestId\":\"refused-" + client.replace(".", "\\.") + "\""));
		http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk().expectBody(String.class)
			.value(metrics -> assertThat(metrics).containsPattern(
					"http_server_requests_seconds_count\\{[^}]*method=\"GET\"[^}]*status=\"429\"[^}]*\\} [1-9]"));
	}

	@Test
	void theViewBeaconHasASmallerBudgetThanReading() {
		for (int i = 0; i < 2; i++) {
			beacon().exchange().expectStatus().isOk();
		}
		beacon().exchange().expectStatus().isEqualTo(429).expectHeader().exists(HttpHeaders.RETRY_AFTER);
		rankings.verify(2, postRequestedFor(urlEqualTo("/api/rankings/views")));
		// reading is still fine for this client
		http.get().uri("/api/rankings/top").header("X-Forwarded-For", client).exchange().expectStatus().isOk();
	}

	@Test
	void anIpv6ClientRotatingThroughItsSlash64IsOneClient() {
		String network = "2001:db8:" + Integer.toHexString(clients.get()) + ":64:";
		for (int i = 0; i < 5; i++) {
			http.get().uri("/api/articles/a").header("X-Forwarded-For", network + Integer.toHexString(0xa0 + i) + "::" + (i + 1))
				.exchange().expectStatus().isOk();
		}
		http.get().uri("/api/articles/a").header("X-Forwarded-For", network + "ffff:ffff:ffff:ffff").exchange()
			.expectStatus().isEqualTo(429);
		// the next /64 is someone else
		http.get().uri("/api/articles/a").header("X-Forwarded-For", "2001:db8:" + Integer.toHexString(clients.get()) + ":65::1")
			.exchange().expectStatus().isOk();
	}

	@Test
	void theLockOutAfterFailedAuthenticationHoldsForTheWholeSlash64() {
		String forged = identity.signedByStranger("editor1", "editor");
		String network = "2001:db8:" + Integer.toHexString(clients.get()) + ":401:";
		for (int i = 0; i < 3; i++) {
			http.post().uri("/api/articles").header("X-Forwarded-For", network + ":" + (i + 1))
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + forged)
				.contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
				.exchange().expectStatus().isUnauthorized();
		}
		http.get().uri("/api/articles/a").header("X-Forwarded-For", network + "beef::7").exchange()
			.expectStatus().isEqualTo(429);
	}

	@Test
	void anAuthenticatedClientIsLimitedByItsTokenNotItsAddress() {
		String token = identity.token("busy-editor", "editor");
		for (int i = 0; i < 5; i++) {
			http.get().uri("/api/articles/a").header("X-Forwarded-For", "198.51.100." + (200 + i))
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange().expectStatus().isOk();
		}
		http.get().uri("/api/articles/a").header("X-Forwarded-For", "198.51.100.230")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange().expectStatus().isEqualTo(429);
	}

	@Test
	void aClientThatKeepsFailingAuthenticationIsShutOutForAWhile() {
		String forged = identity.signedByStranger("editor1", "editor");
		for (int i = 0; i < 3; i++) {
			http.post().uri("/api/articles").header("X-Forwarded-For", client)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + forged)
				.contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
				.exchange().expectStatus().isUnauthorized();
		}
		// now even a request that would be fine is refused, and costs no token check
		http.get().uri("/api/articles/a").header("X-Forwarded-For", client).exchange()
			.expectStatus().isEqualTo(429)
			.expectHeader().value(HttpHeaders.RETRY_AFTER, v -> assertThat(Integer.parseInt(v)).isBetween(25, 30))
			.expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("invalid credentials"));
		articles.verify(0, anyRequestedFor(urlPathMatching("/api/articles.*")));
	}

	@Test
	void requestsThatSimplyLackATokenAreNotCountedAsFailures() {
		for (int i = 0; i < 4; i++) {
			http.post().uri("/api/articles").header("X-Forwarded-For", client)
				.contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
				.exchange().expectStatus().isUnauthorized();
		}
		http.get().uri("/api/articles/a").header("X-Forwarded-For", client).exchange().expectStatus().isOk();
	}

	@Test
	void aJsonBodyOverOneMegabyteIs413AndNeverReachesTheService() {
		byte[] big = new byte[1024 * 1024 + 1];
		Arrays.fill(big, (byte) 'a');
		http.post().uri("/api/articles").header("X-Forwarded-For", client)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.editor())
			.contentType(MediaType.APPLICATION_JSON).bodyValue(big)
			.exchange()
			.expectStatus().isEqualTo(413)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.type").isEqualTo("urn:newsroom:problem:payload-too-large")
			.jsonPath("$.detail").value(d -> assertThat((String) d).contains("1 MB"));
		assertNothingReached(articles);
	}

	@Test
	void aChunkedBodyIsCutOffOnceItPassesTheLimit() {
		DefaultDataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;
		Flux<DataBuffer> chunks = Flux.range(0, 40).map(i -> buffers.wrap(new byte[64 * 1024]));
		try {
			http.post().uri("/api/articles").header("X-Forwarded-For", client)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.editor())
				.contentType(MediaType.APPLICATION_JSON)
				.body(BodyInserters.fromDataBuffers(chunks))
				.exchange()
				.expectStatus().isEqualTo(413);
		}
		catch (WebClientRequestException closedWhileSending) {
			// the gateway answered 413 and closed the connection while the client was still sending
			// the rest (RFC 9112, 9.6): a client busy writing may see the close before the answer
			assertThat(closedWhileSending).hasMessageContaining("closed");
		}
		// either way nothing of it went on to the service
		articles.verify(0, postRequestedFor(urlEqualTo("/api/articles")));
	}

	@Test
	void thePhotoUploadRouteTakesLargerBodiesUpToItsOwnLimit() {
		String token = identity.editor();
		byte[] photo = new byte[2 * 1024 * 1024];
		http.post().uri("/api/media").header("X-Forwarded-For", client).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.contentType(MediaType.IMAGE_JPEG).bodyValue(photo)
			.exchange()
			.expectStatus().isOk();
		media.verify(1, postRequestedFor(urlEqualTo("/api/media")));

		byte[] tooBig = new byte[3 * 1024 * 1024 + 1];
		http.post().uri("/api/media").header("X-Forwarded-For", client).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.contentType(MediaType.IMAGE_JPEG).bodyValue(tooBig)
			.exchange()
			.expectStatus().isEqualTo(413)
			.expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("3 MB"));
		media.verify(1, postRequestedFor(urlEqualTo("/api/media")));
	}

	@Test
	void aRefusedOversizedBodyLeavesTheConnectionUsableForTheNextRequest() {
		String token = identity.token("oversize-editor", "editor");
		byte[] tooBig = new byte[4 * 1024 * 1024];
		for (int round = 0; round < 3; round++) {
			http.post().uri("/api/media").header("X-Forwarded-For", "203.0.113.77").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
				.contentType(MediaType.IMAGE_JPEG).bodyValue(tooBig)
				.exchange()
				.expectStatus().isEqualTo(413);
			long started = System.nanoTime();
			http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
			assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(5));
		}
	}

	@Test
	void healthProbesAreNeverRateLimited() {
		for (int i = 0; i < 10; i++) {
			http.get().uri("/actuator/health/liveness").header("X-Forwarded-For", client).exchange()
				.expectStatus().isOk();
		}
	}

	private org.springframework.test.web.reactive.server.WebTestClient.RequestHeadersSpec<?> beacon() {
		return http.post().uri("/api/rankings/views").header("X-Forwarded-For", client)
			.contentType(MediaType.APPLICATION_JSON).bodyValue("{\"articleId\": \"64b7f0c2a1b2c3d4e5f60001\"}");
	}
}
