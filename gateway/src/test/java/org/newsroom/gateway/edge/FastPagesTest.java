package org.newsroom.gateway.edge;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.newsroom.gateway.GatewayTestSupport;
import org.newsroom.gateway.NewsroomFixtures;
import org.newsroom.gateway.cache.PageCache;
import org.newsroom.gateway.edge.client.SecurityHeaders;
import org.newsroom.platform.test.RawHttp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.newsroom.gateway.NewsroomFixtures.HEADLINE;
import static org.newsroom.gateway.NewsroomFixtures.SLUG;

/**
 * A cached page answered right behind the HTTP decoder (FastPages) is the same answer the rest of
 * the edge would give: request id, security headers, caching headers, 304, HEAD, rate limits, the
 * access log and the request timer; and on a connection with a request still being answered
 * further on, the next request waits its turn instead of overtaking it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"newsroom.edge.trusted-proxies=127.0.0.1,::1", "newsroom.edge.rate-limits.general.capacity=5",
		"newsroom.edge.rate-limits.general.per-second=0.2", "NEWSROOM_PUBLIC_BASE_URL=" + NewsroomFixtures.BASE_URL })
@AutoConfigureWebTestClient(timeout = "PT30S")
// closed after the class: its change-log followers would otherwise go on calling the shared
// stand-ins while later test classes count the requests those receive
@DirtiesContext
class FastPagesTest extends GatewayTestSupport {

	private static final String PAGE = "/news/" + SLUG;

	private static final AtomicInteger clients = new AtomicInteger(10);

	@Autowired
	PageCache cache;

	@Autowired
	WebServerApplicationContext server;

	private String client;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registerServices(registry);
		registry.add("newsroom.pages.cache.enabled", () -> "true");
	}

	@BeforeEach
	void aCachedPage() {
		client = "198.51.100." + clients.incrementAndGet();
		NewsroomFixtures.serveStory(articles, media, rankings);
		for (var service : new com.github.tomakehurst.wiremock.WireMockServer[] { articles, media }) {
			service.stubFor(get(urlPathEqualTo("/internal/changes")).willReturn(okJson("{\"changes\": [], \"complete\": true}")));
		}
		cache.purgeAll();
		Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> {
			// each test warms the cache as a reader of its own, so that no test finds that reader's budget spent
			String page = http.get().uri(PAGE).header("X-Forwarded-For", "203.0.113." + clients.get()).accept(MediaType.TEXT_HTML)
				.exchange().expectBody(String.class).returnResult().getResponseBody();
			return page != null && page.contains(HEADLINE) && cache.current(org.newsroom.gateway.cache.PageKey.articleHtml(SLUG)) != null;
		});
		articles.resetRequests();
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void aCachedPageIsAnsweredWithEveryHeaderOfTheEdgeLoggedAndTimed(CapturedOutput output) throws IOException {
		List<String> answers = exchange(request("GET", PAGE, "X-Request-Id: fast-path-check-01"));
		String answer = answers.get(0);
		assertThat(answer).startsWith("HTTP/1.1 200 ");
		assertThat(headers(answer)).contains("x-request-id: fast-path-check-01", "x-frame-options: deny",
				"x-content-type-options: nosniff", "referrer-policy: strict-origin-when-cross-origin",
				"content-security-policy: " + SecurityHeaders.HTML_POLICY.toLowerCase(Locale.ROOT),
				"cache-control: max-age=30, public, stale-if-error=300, stale-while-revalidate=30",
				"content-type: text/html;charset=utf-8");
		assertThat(headers(answer)).containsPattern("etag: w/\"[0-9a-f]{32}\"");
		assertThat(answer).contains(HEADLINE);
		articles.verify(0, getRequestedFor(urlEqualTo("/api/articles/slug/" + SLUG)));
		Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getOut())
			.containsPattern("\"path\":\"" + PAGE + "\",\"status\":200,[^\\n]*\"requestId\":\"fast-path-check-01\""));
		http.get().uri("/actuator/prometheus").exchange().expectBody(String.class).value(metrics -> assertThat(metrics)
			.containsPattern("http_server_requests_seconds_count\\{[^}]*status=\"200\"[^}]*uri=\"/news/\\{slug}\"[^}]*\\} [1-9]"));
	}

	@Test
	void headAndConditionalRequestsAreAnsweredLikeAnyOther() throws IOException {
		String full = exchange(request("GET", PAGE, "Accept-Encoding: gzip")).get(0);
		String etag = header(full, "etag");
		String head = exchange(request("HEAD", PAGE, "Accept-Encoding: gzip")).get(0);
		assertThat(head).startsWith("HTTP/1.1 200 ");
		assertThat(header(head, "content-length")).isEqualTo(header(full, "content-length"));
		assertThat(header(head, "content-encoding")).isEqualTo("gzip");
		assertThat(body(head)).isEmpty();
		String notModified = exchange(request("GET", PAGE, "If-None-Match: " + etag)).get(0);
		assertThat(notModified).startsWith("HTTP/1.1 304 ");
		assertThat(header(notModified, "etag")).isEqualTo(etag);
		assertThat(body(notModified)).isEmpty();
	}

	@Test
	void aClientOverItsBudgetIsRefusedOnTheFastPathToo() throws IOException {
		List<String> statuses = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			statuses.add(exchange(request("GET", PAGE, "X-Forwarded-For: " + client)).get(0).substring(9, 12));
		}
		assertThat(statuses).containsExactly("200", "200", "200", "200", "200", "429", "429");
		String refused = exchange(request("GET", PAGE, "X-Forwarded-For: " + client)).get(0);
		assertThat(header(refused, "content-type")).isEqualTo("application/problem+json");
		assertThat(header(refused, "retry-after")).matches("[1-9][0-9]*");
		assertThat(body(refused)).contains("\"type\":\"urn:newsroom:problem:too-many-requests\"");
	}

	@Test
	void aRequestBehindOneStillBeingAnsweredWaitsItsTurn() throws IOException {
		articles.stubFor(get(urlEqualTo("/api/articles/slug/a-slow-one")).willReturn(okJson("{\"slow\": true}")
			.withFixedDelay(400)));
		// both requests in one write: the proxied one takes 400 ms, the cached page none
		List<String> answers = exchange(request("GET", "/api/articles/slug/a-slow-one", "X-Forwarded-For: " + client)
				+ request("GET", PAGE, "X-Forwarded-For: " + client));
		assertThat(answers).hasSize(2);
		assertThat(body(answers.get(0))).isEqualTo("{\"slow\": true}");
		assertThat(body(answers.get(1))).contains(HEADLINE);
	}

	@Test
	void aRequestToCloseTheConnectionIsAnsweredAndClosed() throws IOException {
		String answer = exchange(request("GET", PAGE, "Connection: close")).get(0);
		assertThat(answer).startsWith("HTTP/1.1 200 ").contains(HEADLINE);
		assertThat(header(answer, "connection")).isEqualTo("close");
	}

	static String request(String method, String path, String header) {
		return method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n" + header + "\r\n\r\n";
	}

	List<String> exchange(String requests) throws IOException {
		return RawHttp.exchange(server.getWebServer().getPort(), requests);
	}

	private static String headers(String answer) {
		return answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase(Locale.ROOT);
	}

	private static String header(String answer, String name) {
		return RawHttp.header(answer, name);
	}

	private static String body(String answer) {
		return RawHttp.body(answer);
	}
}
