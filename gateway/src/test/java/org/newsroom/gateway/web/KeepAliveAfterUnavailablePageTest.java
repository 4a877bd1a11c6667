package org.newsroom.gateway.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.Test;
import org.newsroom.gateway.PageTestSupport;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader whose browser keeps its connection open must get every answer while article-service
 * is down: fast 503s one after another on one keep-alive connection used to leave about one
 * request in thirty unanswered (a Reactor Netty bug; platform-common's KeepAliveReadResumption).
 */
@TestPropertySource(properties = "resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state=300ms")
class KeepAliveAfterUnavailablePageTest extends PageTestSupport {

	@LocalServerPort
	int port;

	@Test
	void everyRequestOnAKeepAliveConnectionIsAnsweredWhileArticleServiceIsDown() throws Exception {
		articles.stubFor(get(urlPathMatching("/api/articles/slug/.*"))
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		List<String> unanswered = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			for (String path : List.of("/api/pages/articles/gone", "/news/gone")) {
				HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
					.timeout(Duration.ofSeconds(3))
					.build();
				try {
					assertThat(client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(503);
				}
				catch (HttpTimeoutException e) {
					unanswered.add(i + " " + path);
				}
			}
		}
		assertThat(unanswered).isEmpty();
	}
}
