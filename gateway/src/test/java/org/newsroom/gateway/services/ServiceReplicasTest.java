package org.newsroom.gateway.services;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsroom.gateway.GatewayTestSupport;
import org.newsroom.gateway.NewsroomFixtures;
import org.newsroom.platform.observability.RequestId;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several instances of a service behind its one name ({@code newsroom.services.*} as a list):
 * the proxied routes and the gateway's own calls both spread over them, and an instance that
 * stops is passed over, for reads at once and for everything once its liveness check failed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"newsroom.edge.rate-limits.enabled=false",
		"newsroom.pages.top-refresh=0s", "newsroom.pages.top-max-age=0s", "newsroom.pages.last-known-top-age=0s",
		"spring.cloud.loadbalancer.health-check.interval=300ms",
		// what is checked is that the part is tried again on the other instance, not how fast: a
		// busy test machine must not turn the retry into a time-out
		"newsroom.pages.top-timeout=5s", "newsroom.pages.article-timeout=5s", "newsroom.pages.related-timeout=5s" })
@AutoConfigureWebTestClient(timeout = "PT30S")
class ServiceReplicasTest extends GatewayTestSupport {

	private static final WireMockServer secondArticles = new WireMockServer(WireMockConfiguration.options().dynamicPort());
	private static final WireMockServer secondRankings = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	private static final String TOP = "/api/rankings/top?window=24h&limit=10";

	private static final String LIVENESS = "/actuator/health/liveness";

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		secondArticles.start();
		secondRankings.start();
		registerServices(registry);
		registry.add("newsroom.services.article", () -> articles.baseUrl() + "," + secondArticles.baseUrl());
		// a space after the comma, as a hand-written env var may have it
		registry.add("newsroom.services.ranking", () -> rankings.baseUrl() + ", " + secondRankings.baseUrl());
	}

	@AfterAll
	static void stopSeconds() {
		secondArticles.stop();
		secondRankings.stop();
	}

	@BeforeEach
	void forgetSecondsAndAnswerLivenessChecks() throws InterruptedException {
		secondArticles.resetAll();
		if (secondRankings.isRunning()) {
			secondRankings.resetAll();
		}
		for (WireMockServer instance : checked()) {
			instance.stubFor(get(urlEqualTo(LIVENESS)).willReturn(okJson("{\"status\":\"UP\"}")));
		}
		// the stubs were just reset: give every instance time to pass a liveness check again, so
		// each test starts with all of them in the rotation (the tests' assertions say if not)
		long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
		while (!checked().stream().allMatch(ServiceReplicasTest::passedACheck) && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
	}

	@Test
	void bothInstancesAnswerTheRoutesAndTheGatewaysOwnCalls() {
		for (WireMockServer instance : new WireMockServer[] { articles, secondArticles }) {
			NewsroomFixtures.serveStory(instance, media, rankings);
		}
		for (int i = 0; i < 6; i++) {
			http.get().uri("/api/articles/slug/" + NewsroomFixtures.SLUG).exchange().expectStatus().isOk();
		}
		for (WireMockServer instance : new WireMockServer[] { articles, secondArticles }) {
			assertThat(clientRequests(instance, "/api/articles/slug/" + NewsroomFixtures.SLUG))
				.as("proxied reads that reached %s", instance.baseUrl())
				.isGreaterThanOrEqualTo(2);
			instance.resetRequests();
		}

		for (int i = 0; i < 6; i++) {
			http.get().uri("/api/pages/articles/" + NewsroomFixtures.SLUG).exchange().expectStatus().isOk()
				.expectBody().jsonPath("$.article.slug").isEqualTo(NewsroomFixtures.SLUG);
		}
		for (WireMockServer instance : new WireMockServer[] { articles, secondArticles }) {
			// the page composition's own reads (PageComposer through ServiceDirectory's client): two
			// a page (the article, its related summaries), so each instance has its share
			assertThat(clientRequests(instance, "/api/articles/slug/" + NewsroomFixtures.SLUG)
					+ clientRequests(instance, "/api/articles/summaries"))
				.as("page composition reads that reached %s", instance.baseUrl())
				.isGreaterThanOrEqualTo(4);
		}
	}

	@Test
	void anInstanceThatStopsIsPassedOverForReadsAtOnceAndForWritesAfterItsCheck() throws InterruptedException {
		rankings.stubFor(get(urlEqualTo(TOP)).willReturn(okJson(NewsroomFixtures.write(NewsroomFixtures.top()))));
		rankings.stubFor(post(urlEqualTo("/api/rankings/views")).willReturn(aResponse().withStatus(202)));
		secondRankings.stubFor(get(urlEqualTo(TOP)).willReturn(okJson(NewsroomFixtures.write(NewsroomFixtures.top()))));
		for (int i = 0; i < 4; i++) {
			http.get().uri(TOP).exchange().expectStatus().isOk();
		}
		assertThat(clientRequests(secondRankings, "/api/rankings/top")).isGreaterThanOrEqualTo(1);

		for (WireMockServer instance : new WireMockServer[] { articles, secondArticles }) {
			NewsroomFixtures.serveStory(instance, media, rankings);
		}
		secondRankings.stop();
		// reads, before the check notices: proxied ones are tried again by the edge on the next
		// instance; the page is answered whole but for, at worst, its Top 10 (the balancer's own
		// retry on the next instance did not always carry it in full-suite runs on a busy machine)
		for (int i = 0; i < 4; i++) {
			http.get().uri("/api/pages/articles/" + NewsroomFixtures.SLUG).exchange().expectStatus().isOk()
				.expectBody().jsonPath("$.article.slug").isEqualTo(NewsroomFixtures.SLUG)
				.jsonPath("$.degraded[?(@ != 'top')]").isEmpty();
			http.get().uri(TOP).exchange().expectStatus().isOk();
		}
		for (int i = 0; i < 6; i++) {
			http.get().uri(TOP).exchange().expectStatus().isOk();
		}
		// writes are not retried (a POST may have been acted on): they are safe once the stopped
		// instance failed its liveness check and left the rotation
		Thread.sleep(1500);
		for (int i = 0; i < 10; i++) {
			http.post().uri("/api/rankings/views").contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{\"articleId\": \"" + NewsroomFixtures.ARTICLE_ID + "\"}")
				.exchange()
				.expectStatus().isEqualTo(202);
		}
		assertThat(clientRequests(rankings, "/api/rankings/views")).isEqualTo(10);
		// and the page's Top 10 comes whole from the instance left
		http.get().uri("/api/pages/articles/" + NewsroomFixtures.SLUG).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.degraded").isEmpty().jsonPath("$.top.items.length()").isEqualTo(10);
	}

	/** The instances of the two services that have two, as long as they run. */
	private static List<WireMockServer> checked() {
		return Stream.of(articles, secondArticles, rankings, secondRankings)
			.filter(WireMockServer::isRunning)
			.toList();
	}

	private static boolean passedACheck(WireMockServer instance) {
		return instance.getAllServeEvents().stream()
			.anyMatch(event -> event.getRequest().getUrl().equals(LIVENESS) && event.getResponse().getStatus() == 200);
	}

	/** Requests a client made through the edge (they carry its request id), to one path. */
	private static long clientRequests(WireMockServer instance, String path) {
		return instance.getAllServeEvents().stream()
			.map(ServeEvent::getRequest)
			.filter(request -> request.containsHeader(RequestId.HEADER))
			.filter(request -> request.getUrl().split("\\?")[0].equals(path))
			.count();
	}
}
