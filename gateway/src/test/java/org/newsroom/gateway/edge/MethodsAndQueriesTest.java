package org.newsroom.gateway.edge;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsroom.gateway.GatewayTestSupport;
import org.newsroom.platform.test.OddQueryStrings;
import org.newsroom.platform.test.RawHttp;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the edge answers to a method a path does not take, and to whatever query string (issue 18):
 * a 405 with {@code Allow} from whoever owns the path, never the access rules' 401 or 403 where
 * nobody may write; the request id once, though every service echoes it; never a 5xx.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "newsroom.edge.rate-limits.enabled=false")
@AutoConfigureWebTestClient(timeout = "PT30S")
class MethodsAndQueriesTest extends GatewayTestSupport {

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registerServices(registry);
	}

	@LocalServerPort
	int port;

	/**
	 * The stand-ins answer like the services: each echoes the request id it was sent
	 * (ServletRequestIdFilter, ReactiveRequestIdFilter), and a feed or sitemap takes GET only.
	 */
	@BeforeEach
	void servicesAnswerLikeTheRealOnes() {
		for (var service : new com.github.tomakehurst.wiremock.WireMockServer[] { articles, media, rankings }) {
			service.stubFor(any(urlPathMatching("/.*")).atPriority(10)
				.willReturn(aResponse().withStatus(405).withHeader("Allow", "GET,HEAD,OPTIONS")
					.withHeader("Content-Type", "application/problem+json")
					.withHeader("X-Request-Id", "{{request.headers.X-Request-Id}}")
					.withBody("{\"type\":\"urn:newsroom:problem:method-not-allowed\",\"status\":405}")
					.withTransformers("response-template")));
			service.stubFor(get(urlPathMatching("/.*")).atPriority(5)
				.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
					.withHeader("X-Request-Id", "{{request.headers.X-Request-Id}}")
					.withHeader("ETag", "\"v1\"")
					.withBody("{}")
					.withTransformers("response-template")));
		}
	}

	@Test
	void deletingAFeedIsTheFeedsOwn405EvenForAnEditor() throws IOException {
		String answer = send("DELETE /feeds/rss.xml", identity.editor());

		RawHttp.assertProblem(answer, 405, "method-not-allowed");
		assertThat(RawHttp.header(answer, "Allow")).isEqualTo("GET,HEAD,OPTIONS");
		articles.verify(deleteRequestedFor(urlEqualTo("/feeds/rss.xml")));
	}

	@Test
	void writingToAReadersPageIsMethodNotAllowedForAnyone() throws IOException {
		for (String request : new String[] { "POST /sitemaps/news.xml", "PUT /feeds/world/rss.xml" }) {
			String answer = send(request, null);
			RawHttp.assertProblem(answer, 405, "method-not-allowed");
			assertThat(RawHttp.header(answer, "Allow")).as(request).isEqualTo("GET,HEAD,OPTIONS");
		}
		// the gateway's own pages say so themselves
		for (String request : new String[] { "POST /", "DELETE /news/some-story" }) {
			String answer = send(request, identity.editor());
			RawHttp.assertProblem(answer, 405, "method-not-allowed");
			assertThat(methods(RawHttp.header(answer, "Allow"))).as(request).contains("GET").doesNotContain("POST", "DELETE");
		}
	}

	@Test
	void traceIsRefusedWithTheMethodsThePathTakes() throws IOException {
		String feed = send("TRACE /feeds/rss.xml", null);
		RawHttp.assertProblem(feed, 405, "method-not-allowed");
		assertThat(methods(RawHttp.header(feed, "Allow"))).containsExactlyInAnyOrder("GET", "HEAD", "OPTIONS");

		String api = send("TRACE /api/articles", null);
		RawHttp.assertProblem(api, 405, "method-not-allowed");
		assertThat(methods(RawHttp.header(api, "Allow"))).contains("GET", "POST", "OPTIONS").doesNotContain("TRACE");
		assertNothingReached(articles);
	}

	@Test
	void optionsNeedsNoTokenAndIsAnsweredByWhoeverOwnsThePath() throws IOException {
		articles.stubFor(any(urlEqualTo("/api/articles/summaries")).atPriority(1)
			.willReturn(aResponse().withStatus(200).withHeader("Allow", "GET,HEAD,OPTIONS")));

		String summaries = send("OPTIONS /api/articles/summaries", null);
		assertThat(summaries).startsWith("HTTP/1.1 200 ");
		assertThat(RawHttp.header(summaries, "Allow")).isEqualTo("GET,HEAD,OPTIONS");

		String page = send("OPTIONS /api/pages/articles/some-story", null);
		assertThat(page).startsWith("HTTP/1.1 200 ");
		assertThat(methods(RawHttp.header(page, "Allow"))).contains("GET", "HEAD").doesNotContain("PUT", "DELETE", "POST");
	}

	@Test
	void everyProxiedAnswerCarriesTheRequestIdOnceThoughTheServiceEchoesIt() throws IOException {
		for (String request : new String[] { "GET /feeds/rss.xml", "GET /sitemaps/news.xml", "GET /api/articles",
				"GET /api/rankings/top", "GET /api/media/x", "DELETE /feeds/rss.xml" }) {
			String answer = send(request, null);
			assertThat(count(answer, "x-request-id")).as(request + "\n" + answer).isEqualTo(1);
		}
		String notModified = RawHttp.send(port, "GET /feeds/rss.xml HTTP/1.1\r\nHost: localhost\r\nIf-None-Match: \"v1\"\r\n"
				+ "X-Request-Id: client-chosen-0001\r\nConnection: close\r\n\r\n");
		assertThat(count(notModified, "x-request-id")).as(notModified).isEqualTo(1);
		assertThat(RawHttp.header(notModified, "X-Request-Id")).isEqualTo("client-chosen-0001");
	}

	@Test
	void noQueryStringIsAServerError() throws IOException {
		List<String> queries = OddQueryStrings.random(18, 60, List.of("window", "section", "limit", "q", "size"));
		OddQueryStrings.assertNeverAServerError(port, "/api/rankings/top", queries);
		OddQueryStrings.assertNeverAServerError(port, "/api/pages/articles/some-story", queries.subList(0, 30));
	}

	private String send(String requestLine, String token) throws IOException {
		return RawHttp.send(port, requestLine + " HTTP/1.1\r\nHost: localhost\r\n"
				+ (token != null ? "Authorization: Bearer " + token + "\r\n" : "") + "Connection: close\r\n\r\n");
	}

	private static List<String> methods(String allow) {
		assertThat(allow).as("Allow").isNotNull();
		return Arrays.stream(allow.split(",")).map(String::trim).toList();
	}

	private static int count(String answer, String header) {
		String head = answer.substring(0, Math.max(0, answer.indexOf("\r\n\r\n")));
		return (int) head.lines().filter(line -> line.toLowerCase(Locale.ROOT).startsWith(header + ":")).count();
	}
}
