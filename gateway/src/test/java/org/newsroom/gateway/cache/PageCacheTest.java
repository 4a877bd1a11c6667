package org.newsroom.gateway.cache;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

import com.github.tomakehurst.wiremock.http.Fault;
import io.micrometer.core.instrument.MeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsroom.gateway.GatewayTestSupport;
import org.newsroom.gateway.NewsroomFixtures;
import org.newsroom.gateway.page.PageTop;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.newsroom.gateway.NewsroomFixtures.ARTICLE_ID;
import static org.newsroom.gateway.NewsroomFixtures.HEADLINE;
import static org.newsroom.gateway.NewsroomFixtures.PHOTO_ID;
import static org.newsroom.gateway.NewsroomFixtures.SLUG;

/**
 * The page cache with the services played by WireMock, their change logs included: a page read
 * many times is composed once, many readers at once share one composition, and whatever a page
 * shows changing in a log (an article withdrawn or corrected, a photo taken down, the Top 10)
 * reaches readers within two seconds. Downstream caches get ETags, 304s and compressed bytes.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"newsroom.edge.rate-limits.enabled=false", "NEWSROOM_PUBLIC_BASE_URL=" + NewsroomFixtures.BASE_URL,
		"newsroom.pages.top-refresh=200ms", "newsroom.pages.top-max-age=400ms" })
@AutoConfigureWebTestClient(timeout = "PT30S")
// closed after the class: its change-log followers would otherwise go on calling the shared
// stand-ins while later test classes count the requests those receive
@DirtiesContext
class PageCacheTest extends GatewayTestSupport {

	private static final String PAGE = "/news/" + SLUG;

	private static final AtomicInteger changeIds = new AtomicInteger();

	private final List<String> articleChanges = new ArrayList<>();

	@Autowired
	PageCache cache;

	@Autowired
	PageTop top;

	@Autowired
	WebServerApplicationContext server;

	@Autowired
	MeterRegistry meters;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registerServices(registry);
		registry.add("newsroom.pages.cache.enabled", () -> "true");
	}

	@BeforeEach
	void theStoryAndQuietChangeLogs() {
		NewsroomFixtures.serveStory(articles, media, rankings);
		articleChanges.clear();
		serveArticleChanges();
		media.stubFor(get(urlPathEqualTo("/internal/changes")).willReturn(okJson("{\"changes\": [], \"complete\": true}")));
		cache.purgeAll();
		top.forget();
		Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> html(PAGE).contains(HEADLINE));
		cache.purgeAll();
		articles.resetRequests();
	}

	@Test
	void aPageReadManyTimesIsComposedOnce() {
		for (int i = 0; i < 20; i++) {
			assertThat(html(PAGE)).contains(HEADLINE);
			assertThat(json("/api/pages/articles/" + SLUG)).contains(HEADLINE);
		}
		articles.verify(2, getRequestedFor(urlEqualTo("/api/articles/slug/" + SLUG)));
	}

	@Test
	void readersWhoComeAtOnceShareOneComposition() {
		articles.stubFor(get(urlEqualTo("/api/articles/slug/" + SLUG))
			.willReturn(okJson(NewsroomFixtures.write(NewsroomFixtures.article(SLUG, HEADLINE, NewsroomFixtures.storyBody())))
				.withFixedDelay(300)));
		WebClient client = WebClient.create("http://127.0.0.1:" + server.getWebServer().getPort());
		List<Integer> statuses = Flux.range(0, 200)
			.flatMap(i -> client.get().uri(PAGE).exchangeToMono(response -> response.releaseBody()
				.thenReturn(response.statusCode().value())), 200)
			.collectList()
			.block(Duration.ofSeconds(20));
		assertThat(statuses).hasSize(200).containsOnly(200);
		articles.verify(1, getRequestedFor(urlEqualTo("/api/articles/slug/" + SLUG)));
	}

	@Test
	void aWithdrawalInTheChangeLogTakesThePageAndItsJsonDownWithinTwoSeconds() {
		assertThat(html(PAGE)).contains(HEADLINE);
		assertThat(json("/api/pages/articles/" + SLUG)).contains(HEADLINE);
		articles.stubFor(get(urlEqualTo("/api/articles/slug/" + SLUG)).willReturn(aResponse().withStatus(410)
			.withHeader("Content-Type", "application/problem+json").withBody("{\"status\": 410}")));

		long withdrawn = System.nanoTime();
		articleChange(ARTICLE_ID, SLUG, false);
		Awaitility.await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
			http.get().uri(PAGE).exchange().expectStatus().isEqualTo(410);
			http.get().uri("/api/pages/articles/" + SLUG).exchange().expectStatus().isEqualTo(410);
		});
		assertThat(Duration.ofNanos(System.nanoTime() - withdrawn)).isLessThan(Duration.ofSeconds(2));
	}

	@Test
	void listPagesAreKeptAndAStoryPublishedReachesThemAllWithinTwoSeconds() {
		Map<String, Object> first = NewsroomFixtures.article(SLUG, HEADLINE, List.of());
		articles.stubFor(get(urlPathEqualTo("/api/articles"))
			.willReturn(okJson(NewsroomFixtures.write(Map.of("items", List.of(first))))));
		List<String> pages = List.of("/", "/section/world", "/tag/climate");
		List<String> screens = List.of("/api/pages/home", "/api/pages/sections/world");
		for (int i = 0; i < 10; i++) {
			pages.forEach(page -> assertThat(html(page)).as(page).contains(HEADLINE));
			screens.forEach(screen -> assertThat(json(screen)).as(screen).contains(HEADLINE));
		}
		// kept, not composed per read: once each while nothing changes (uncached, 10 reads of four pages
		// that list "world" would ask 40 times); a busy test machine may see a page composed again when a
		// change-log read times out (blind-max-age), so the bound is not exact
		articles.verify(com.github.tomakehurst.wiremock.client.WireMock.lessThan(10), getRequestedFor(urlPathEqualTo("/api/articles"))
			.withQueryParam("section", com.github.tomakehurst.wiremock.client.WireMock.equalTo("world")));
		articles.verify(com.github.tomakehurst.wiremock.client.WireMock.lessThan(5), getRequestedFor(urlPathEqualTo("/api/articles"))
			.withQueryParam("tag", com.github.tomakehurst.wiremock.client.WireMock.equalTo("climate")));

		Map<String, Object> fresh = new java.util.HashMap<>(NewsroomFixtures.article("glacier-monitors-funded",
				"Canton funds new glacier monitors", List.of()));
		fresh.put("id", "6750a1b2c3d4e5f6012345ff");
		articles.stubFor(get(urlPathEqualTo("/api/articles"))
			.willReturn(okJson(NewsroomFixtures.write(Map.of("items", List.of(fresh, first))))));
		long published = System.nanoTime();
		articleChange("6750a1b2c3d4e5f6012345ff", "glacier-monitors-funded", true);
		Awaitility.await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50)).until(() ->
				pages.stream().allMatch(page -> html(page).contains("Canton funds new glacier monitors"))
						&& screens.stream().allMatch(screen -> json(screen).contains("Canton funds new glacier monitors")));
		assertThat(Duration.ofNanos(System.nanoTime() - published)).isLessThan(Duration.ofSeconds(2));
	}

	@Test
	void searchPagesAreNeverKept() {
		articles.stubFor(get(urlPathEqualTo("/api/articles")).willReturn(okJson("{\"items\": [], \"nextCursor\": null}")));
		for (int i = 0; i < 3; i++) {
			assertThat(html("/search?q=glacier")).contains("No results");
		}
		articles.verify(3, getRequestedFor(urlPathEqualTo("/api/articles"))
			.withQueryParam("q", com.github.tomakehurst.wiremock.client.WireMock.equalTo("glacier")));
	}

	@Test
	void aCorrectionReachesReadersWithinTwoSeconds() {
		assertThat(html(PAGE)).doesNotContain("The vote was held on Sunday");
		Map<String, Object> corrected = new java.util.HashMap<>(
				NewsroomFixtures.article(SLUG, HEADLINE, NewsroomFixtures.storyBody()));
		corrected.put("corrections", List.of(Map.of("at", "2026-11-28T10:00:00Z", "text", "The vote was held on Sunday.")));
		articles.stubFor(get(urlEqualTo("/api/articles/slug/" + SLUG)).willReturn(okJson(NewsroomFixtures.write(corrected))));

		articleChange(ARTICLE_ID, SLUG, true);
		Awaitility.await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
			.until(() -> html(PAGE).contains("The vote was held on Sunday."));
	}

	@Test
	void aPhotoTakenDownLeavesEveryPageShowingItWithinTwoSeconds() {
		assertThat(html(PAGE)).contains(NewsroomFixtures.CREDIT);
		Map<String, Object> takenDown = new java.util.HashMap<>(NewsroomFixtures.photo());
		takenDown.put("status", "TAKEN_DOWN");
		media.stubFor(get(urlEqualTo("/api/media/" + PHOTO_ID)).willReturn(okJson(NewsroomFixtures.write(takenDown))));
		media.stubFor(get(urlPathEqualTo("/internal/changes")).willReturn(okJson(changes(
				"{\"id\": \"" + nextChangeId() + "\", \"at\": \"" + Instant.now() + "\", \"kind\": \"photo\", \"subject\": \""
						+ PHOTO_ID + "\", \"slugs\": [], \"visible\": false}"))));

		Awaitility.await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
			.until(() -> !html(PAGE).contains(NewsroomFixtures.CREDIT));
	}

	@Test
	void aWithdrawnArticleLeavesEveryPagesTopTenAtOnceEvenBeforeRankingServiceDropsIt() {
		String third = NewsroomFixtures.TOP_HEADLINES.get(2);
		assertThat(html(PAGE)).contains(third);
		// ranking-service still lists it: its next refresh is seconds away
		articleChange("6750a1b2c3d4e5f601234502", "central-bank-holds-rates-as-export-growth-slows", false);
		Awaitility.await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
			.until(() -> !html(PAGE).contains(third));
		assertThat(json("/api/pages/articles/" + SLUG)).doesNotContain(third);
	}

	@Test
	@SuppressWarnings("unchecked")
	void aNewTopTenReachesThePagesWithinTwoSeconds() {
		assertThat(html(PAGE)).doesNotContain("Typhoon turns away from the southern coast");
		Map<String, Object> newTop = new java.util.LinkedHashMap<>(NewsroomFixtures.top());
		List<Map<String, Object>> items = new ArrayList<>((List<Map<String, Object>>) newTop.get("items"));
		items.set(0, Map.of("rank", 1, "articleId", "6750a1b2c3d4e5f6012345aa", "slug", "typhoon-turns-away",
				"headline", "Typhoon turns away from the southern coast", "section", "national", "views", 99000));
		newTop.put("items", items);
		rankings.stubFor(get(urlPathEqualTo("/api/rankings/top")).willReturn(okJson(NewsroomFixtures.write(newTop))));
		Awaitility.await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
			.until(() -> html(PAGE).contains("Typhoon turns away from the southern coast"));
	}

	@Test
	void whileAChangeLogCannotBeReadPagesAreKeptOnlyForASecond() {
		articles.stubFor(get(urlPathEqualTo("/internal/changes"))
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		long started = System.nanoTime();
		while (System.nanoTime() - started < Duration.ofMillis(3500).toNanos()) {
			assertThat(html(PAGE)).contains(HEADLINE);
			sleep(50);
		}
		// about one composition a second (at most blind-max-age apart), never one per read
		int compositions = articles.findAll(getRequestedFor(urlEqualTo("/api/articles/slug/" + SLUG))).size();
		assertThat(compositions).isBetween(3, 8);
		assertThat(meters.get("gateway.page.cache.blind").gauge().value()).as("operators see it").isEqualTo(1);
	}

	@Test
	void whenRankingServiceStopsAnsweringCachedPagesLoseTheirTopListWithinARefresh() {
		assertThat(json("/api/pages/articles/" + SLUG)).contains("\"top\":{").contains("\"degraded\":[]");
		rankings.stubFor(get(urlPathEqualTo("/api/rankings/top")).willReturn(aResponse().withStatus(500)));
		// the app JSON then has no Top list and says so; the web page shows the last one it had
		Awaitility.await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50))
			.until(() -> json("/api/pages/articles/" + SLUG).contains("\"degraded\":[\"top\"]"));
		assertThat(html(PAGE)).contains("Central bank holds rates as export growth slows");
	}

	@Test
	void theFirstFailedReadOfAChangeLogEndsTheKeepingOfPages() {
		assertThat(json("/api/pages/articles/" + SLUG)).contains("\"leadImage\":{");
		sleep(1100);
		media.stubFor(get(urlPathEqualTo("/internal/changes")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		media.stubFor(get(urlPathEqualTo("/api/media/" + PHOTO_ID)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		// media-service is gone: its log's next read (a quarter second) fails, and pages older than
		// blind-max-age are composed again, without the photo
		Awaitility.await().atMost(Duration.ofMillis(900)).pollInterval(Duration.ofMillis(50))
			.until(() -> json("/api/pages/articles/" + SLUG).contains("\"degraded\":[\"leadImage\"]"));
	}

	@Test
	void downstreamCachesGetAnETagA304AndCompressedBytes() throws Exception {
		// a plain client: the test client would undo the compression before the test sees it
		HttpResponse<byte[]> gzipped = raw(PAGE, "Accept-Encoding", "gzip");
		assertThat(gzipped.statusCode()).isEqualTo(200);
		assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(gzipped.headers().firstValue("Vary")).hasValue("Accept-Encoding");
		assertThat(gzipped.headers().firstValue("Cache-Control"))
			.hasValue("max-age=30, public, stale-if-error=300, stale-while-revalidate=30");
		assertThat(new String(new GZIPInputStream(new ByteArrayInputStream(gzipped.body())).readAllBytes(),
				StandardCharsets.UTF_8)).contains(HEADLINE);
		String etag = gzipped.headers().firstValue("ETag").orElseThrow();
		assertThat(etag).startsWith("W/\"");

		HttpResponse<byte[]> notModified = raw(PAGE, "If-None-Match", etag);
		assertThat(notModified.statusCode()).isEqualTo(304);
		assertThat(notModified.headers().firstValue("ETag")).hasValue(etag);
		assertThat(notModified.body()).isEmpty();

		HttpResponse<byte[]> plain = raw(PAGE, "Accept-Encoding", "gzip;q=0, identity");
		assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
		assertThat(new String(plain.body(), StandardCharsets.UTF_8)).contains(HEADLINE);
		if (Encodings.brotliAvailable()) {
			assertThat(raw(PAGE, "Accept-Encoding", "gzip, deflate, br").headers().firstValue("Content-Encoding"))
				.hasValue("br");
		}
	}

	private HttpResponse<byte[]> raw(String path, String header, String value) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getWebServer().getPort() + path))
				.header(header, value)
				.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	@Test
	void aRequestWithCredentialsIsComposedForItAloneAndNeverKept() {
		assertThat(html(PAGE)).contains(HEADLINE);
		articles.resetRequests();
		http.get().uri(PAGE).header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.editor()).exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store, private");
		articles.verify(1, getRequestedFor(urlEqualTo("/api/articles/slug/" + SLUG)));
	}

	private void serveArticleChanges() {
		articles.stubFor(get(urlPathEqualTo("/internal/changes")).willReturn(okJson(changes(String.join(",", articleChanges)))));
	}

	private void articleChange(String id, String slug, boolean visible) {
		articleChanges.add("{\"id\": \"" + nextChangeId() + "\", \"at\": \"" + Instant.now() + "\", \"kind\": \"article\", "
				+ "\"subject\": \"" + id + "\", \"slugs\": [\"" + slug + "\"], \"visible\": " + visible + "}");
		serveArticleChanges();
	}

	private static String changes(String items) {
		return "{\"changes\": [" + items + "], \"complete\": true}";
	}

	private static String nextChangeId() {
		return String.format("%024x", changeIds.incrementAndGet());
	}

	private String html(String path) {
		return http.get().uri(path).accept(MediaType.TEXT_HTML).exchange().expectBody(String.class).returnResult()
			.getResponseBody();
	}

	private String json(String path) {
		return http.get().uri(path).exchange().expectStatus().isOk().expectBody(String.class).returnResult()
			.getResponseBody();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
