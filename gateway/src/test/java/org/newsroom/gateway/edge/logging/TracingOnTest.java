package org.newsroom.gateway.edge.logging;

import java.time.Duration;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.newsroom.gateway.GatewayTestSupport;

import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With tracing switched on, Micrometer Tracing makes the trace context: the services get a
 * traceparent from the gateway's span, the access log names the same trace, and the request
 * timer comes from Spring's observation (one meter, not two).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"newsroom.edge.rate-limits.enabled=false", "NEWSROOM_TRACING_ENABLED=true",
		"management.tracing.sampling.probability=1.0" })
@AutoConfigureWebTestClient(timeout = "PT30S")
@ExtendWith(OutputCaptureExtension.class)
class TracingOnTest extends GatewayTestSupport {

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registerServices(registry);
	}

	@Test
	void theServiceTheAccessLogAndTheMetricsAgreeOnOneTrace(CapturedOutput output) {
		articles.stubFor(get(urlPathMatching("/api/articles/slug/.*")).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json").withBody("{}")));
		http.get().uri("/api/articles/slug/traced-on").header("X-Request-Id", "tracing-on-0001").exchange()
			.expectStatus().isOk();
		LoggedRequest received = articles.findAll(getRequestedFor(urlEqualTo("/api/articles/slug/traced-on"))).get(0);
		String traceparent = received.getHeader("traceparent");
		assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
		String traceId = traceparent.substring(3, 35);
		Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getOut())
			.containsPattern("\"requestId\":\"tracing-on-0001\",\"traceId\":\"" + traceId + "\""));
		http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk().expectBody(String.class)
			.value(metrics -> assertThat(metrics).contains("http_server_requests_seconds_count{"));
	}
}
