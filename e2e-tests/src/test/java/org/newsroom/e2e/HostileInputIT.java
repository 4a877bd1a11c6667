package org.newsroom.e2e;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;

import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Hostile input through the gateway of the real stack (issue 8): the table in
 * {@link HostileCases}, each row answered with an allowed 4xx (or a harmless 2xx where the row
 * says so) of the right kind, with no stack trace or internal name in the body, and nothing
 * stored: every collection of the service the row writes to is counted before and after it;
 * ranking-service's counters are compared across the whole table (views are flushed every
 * second). Then XSS payloads in every article field, rendered in a real browser, the page
 * JSON, the feeds and the page head. Zero 5xx over the whole suite.
 *
 * <p>Each row comes from its own loopback address (127.0.x.y): the gateway's per-address limits
 * (10 bad tokens a minute locks an address out) would otherwise turn the later rows into 429s.
 * That lock-out is itself checked once, from one address.
 */
@ExtendWith(LocalStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputIT {

	static final Pattern LEAKS = Pattern.compile("Exception|\\bat org\\.|\\bjava\\.|mongo|springframework|"
			+ "tomcat|netty|reactor\\.|jackson|\\$[A-Z][a-z]+Impl", Pattern.CASE_INSENSITIVE);

	static final Map<Integer, AtomicInteger> STATUSES = new ConcurrentSkipListMap<>();
	static final AtomicLong TRIED = new AtomicLong();
	static final Map<String, AtomicInteger> CATEGORIES = new ConcurrentSkipListMap<>();
	static final AtomicInteger NEXT_ADDRESS = new AtomicInteger((int) (System.nanoTime() % 20_000));

	static HostileCases.Fixture fixture;
	static Map<String, Long> rankingBefore;

	@BeforeAll
	static void prepare() throws IOException {
		String editor = Client.token("editor1");
		Client.Response photo = Client.upload("/api/media", editor, NewsroomFlowIT.jpeg(320, 200), "harbour.jpg",
				"{\"caption\": \"Fishing boats in Busan harbour\", \"credit\": \"Yonhap\"}");
		assertThat(photo.status()).as(photo.toString()).isEqualTo(201);
		String photoId = photo.json().get("id").asString();
		Client.Response published = Client.send("POST", "/api/articles", editor, "{\"headline\": \"Busan harbour "
				+ "reopens after the storm " + System.nanoTime() + "\", \"section\": \"national\", \"leadMediaId\": \""
				+ photoId + "\", \"body\": [{\"type\": \"paragraph\", \"text\": \"Boats went out again.\"}]}");
		assertThat(published.status()).as(published.toString()).isEqualTo(201);
		String id = published.json().get("id").asString();
		Client.Response live = Client.send("POST", "/api/articles/" + id + "/publish", editor, null);
		assertThat(live.status()).as(live.toString()).isEqualTo(200);
		Client.Response draft = Client.send("POST", "/api/articles", editor,
				"{\"headline\": \"A draft nobody may see " + System.nanoTime() + "\", \"section\": \"world\"}");
		assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
		JsonNode jwks = Client.JSON.readTree(java.net.http.HttpClient.newHttpClient()
			.sendAsync(java.net.http.HttpRequest.newBuilder(java.net.URI.create(LocalStack.KEYCLOAK
					+ "/realms/news/protocol/openid-connect/certs")).build(),
					java.net.http.HttpResponse.BodyHandlers.ofString())
			.join().body());
		fixture = new HostileCases.Fixture(editor, Client.token("admin1"), Client.token("reader1"),
				Client.serviceToken("news-internal", "news-internal-local-secret"),
				Client.tokenFrom("master", "admin-cli", "admin", "admin"), jwks, id, live.json().get("slug").asString(),
				draft.json().get("id").asString(), photoId, NewsroomFlowIT.jpeg(64, 48));
		rankingBefore = settledRankingCounts();
	}

	static Stream<HostileCase> table() {
		return HostileCases.all(fixture).stream();
	}

	@Order(1)
	@ParameterizedTest(name = "{0}")
	@MethodSource("table")
	void hostileRequestIsRefusedCleanlyAndStoresNothing(HostileCase row) {
		Map<String, Long> before = row.store() == null ? null : counts(row.store());
		Client.Response response = Client.raw(nextAddress(), row.request().bytes());
		record(response.status());
		CATEGORIES.computeIfAbsent(row.category(), c -> new AtomicInteger()).incrementAndGet();
		assertThat(response.status()).as("no 5xx: " + row + "\n" + response).isLessThan(500);
		assertThat(row.statuses()).as(row + " answered " + abbreviate(response.toString())).contains(response.status());
		assertThat(LEAKS.matcher(response.body()).find()).as("internal names in " + abbreviate(response.body())).isFalse();
		String type = response.header("Content-Type");
		switch (row.body()) {
			case PROBLEM -> {
				assertThat(type).as(row.toString()).startsWith("application/problem+json");
				JsonNode problem = response.json();
				assertThat(problem.get("status").asInt()).isEqualTo(response.status());
				assertThat(problem.get("type").asString()).startsWith("urn:newsroom:problem:");
				assertThat(problem.has("title")).isTrue();
			}
			case HTML -> assertThat(type).as(row.toString()).startsWith("text/html");
			case JSON -> {
				if (response.status() < 300) {
					assertThat(type).as(row.toString()).startsWith("application/json");
				}
				else {
					assertThat(type).as(row.toString()).startsWith("application/problem+json");
				}
			}
			default -> {
			}
		}
		if (response.status() == 401) {
			assertThat(response.header("WWW-Authenticate")).as(row.toString()).startsWith("Bearer");
		}
		if (row.also() != null) {
			row.also().accept(response);
		}
		if (before != null) {
			assertThat(counts(row.store())).as("stored by " + row).isEqualTo(before);
		}
	}

	@Order(2)
	@Test
	void anAddressThatKeepsSendingBadTokensIsLockedOutFor429() {
		String address = nextAddress();
		HostileRequest forged = HostileRequest.get("/api/articles/" + fixture.published())
			.token(ForgedTokens.algNone(fixture.editor()));
		for (int i = 0; i < 10; i++) {
			Client.Response response = Client.raw(address, forged.bytes());
			record(response.status());
			assertThat(response.status()).as("attempt " + (i + 1)).isEqualTo(401);
		}
		Client.Response locked = Client.raw(address, HostileRequest.get("/api/articles/" + fixture.published()).bytes());
		record(locked.status());
		assertThat(locked.status()).isEqualTo(429);
		assertThat(locked.header("Content-Type")).startsWith("application/problem+json");
		assertThat(locked.header("Retry-After")).isNotBlank();
	}

	@Order(3)
	@Test
	void noHostileViewWasCounted() {
		assertThat(settledRankingCounts()).isEqualTo(rankingBefore);
	}

	// ---- XSS ----------------------------------------------------------------------------------

	static final String SCRIPT = "<script>window.__xss=1</script>";
	static final String IMG = "<img src=x onerror=window.__xss=1>";
	static final String SVG = "\"><svg onload=window.__xss=1>";
	static final String QUOTE = "'><iframe src=javascript:window.__xss=1>";

	@Order(4)
	@Test
	void scriptInEveryArticleFieldIsShownAsTextEverywhere() throws Exception {
		String editor = fixture.editor();
		String headline = "Probe " + SCRIPT + " " + System.nanoTime();
		String body = Client.JSON.writeValueAsString(Map.ofEntries(Map.entry("headline", headline),
				Map.entry("deck", IMG), Map.entry("summary", SVG + " " + SCRIPT), Map.entry("section", "world"),
				Map.entry("body", List.of(
						Map.of("type", "paragraph", "text", SCRIPT + " **" + IMG + "** [" + SVG + "](https://example.com/a'b)"),
						Map.of("type", "heading", "text", SVG),
						Map.of("type", "quote", "text", QUOTE, "attribution", SCRIPT),
						Map.of("type", "image", "mediaId", fixture.photo(), "caption", IMG + " " + SVG),
						Map.of("type", "embed", "url", "https://example.com/?x='onmouseover='window.__xss=1'"))),
				Map.entry("tags", List.of("x' onload", "a&b")), Map.entry("byline", List.of(SCRIPT, SVG)),
				Map.entry("source", IMG), Map.entry("dateline", SVG), Map.entry("leadMediaId", fixture.photo())));
		Client.Response created = Client.send("POST", "/api/articles", editor, body);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String id = created.json().get("id").asString();
		String slug = created.json().get("slug").asString();
		Client.Response published = Client.send("POST", "/api/articles/" + id + "/publish", editor, null);
		assertThat(published.status()).as(published.toString()).isEqualTo(200);
		Client.Response corrected = Client.send("POST", "/api/articles/" + id + "/corrections", editor,
				Client.JSON.writeValueAsString(Map.of("text", QUOTE + " " + SCRIPT)));
		assertThat(corrected.status()).as(corrected.toString()).isEqualTo(201);

		// the app's page JSON carries the text as JSON strings
		Client.Response page = Client.get("/api/pages/articles/" + slug, null);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.header("Content-Type")).startsWith("application/json");
		assertThat(page.json().get("article").get("headline").asString()).isEqualTo(headline);

		// the HTML as sent: JSON-LD cannot be closed early, meta tags hold the text escaped
		Client.Response html = Client.get("/news/" + slug, null);
		assertThat(html.status()).isEqualTo(200);
		Matcher ld = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL)
			.matcher(html.body());
		assertThat(ld.find()).as("JSON-LD in the head").isTrue();
		assertThat(ld.group(1)).doesNotContain("<", ">");
		assertThat(Client.JSON.readTree(ld.group(1)).get("headline").asString()).isEqualTo(headline);
		assertThat(html.body()).doesNotContain(SCRIPT, IMG, "<svg onload", "<iframe");

		// feeds and sitemap are well-formed XML with the text escaped
		for (String feed : List.of("/feeds/rss.xml", "/feeds/atom.xml", "/feeds/world/rss.xml", "/sitemaps/news.xml")) {
			Client.Response xml = Client.get(feed, null);
			assertThat(xml.status()).as(feed).isEqualTo(200);
			assertThat(xml.body()).as(feed).contains("&lt;script&gt;window.__xss=1&lt;/script&gt;")
				.doesNotContain(SCRIPT, IMG);
			assertThat(parseXml(xml.body()).getDocumentElement()).as(feed).isNotNull();
		}
		Client.Response ninjs = Client.get("/api/articles/" + id + "/ninjs", null);
		assertThat(ninjs.status()).isEqualTo(200);
		assertThat(ninjs.body()).contains("window.__xss");

		// and in a real browser nothing runs, and the payloads are text a reader can see
		withBrowser(browser -> {
			browser.get(LocalStack.GATEWAY + "/news/" + slug);
			JavascriptExecutor js = browser;
			assertThat(js.executeScript("return typeof window.__xss")).isEqualTo("undefined");
			assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
			assertThat(js.executeScript("return [...document.querySelectorAll('*')].flatMap(e => [...e.attributes])"
					+ ".filter(a => a.name.toLowerCase().startsWith('on')).length")).isEqualTo(0L);
			assertThat(js.executeScript("return [...document.querySelectorAll('a[href], iframe, img, embed, object')]"
					+ ".filter(e => /^\\s*javascript:/i.test(e.getAttribute('href') || e.getAttribute('src') || '')).length"))
				.isEqualTo(0L);
			assertThat(js.executeScript("return [...document.scripts].filter(s => !(s.type === 'application/ld+json'"
					+ " || (s.getAttribute('src') || '').startsWith('/assets/'))).length")).isEqualTo(0L);
			assertThat(js.executeScript("return document.querySelectorAll('iframe, svg[onload], img[src=\"x\"]').length"))
				.isEqualTo(0L);
			String text = (String) js.executeScript("return document.body.innerText");
			assertThat(text).contains(headline, IMG, SVG.substring(2), QUOTE);
			assertThat(js.executeScript("return document.querySelector('h1.headline').textContent")).isEqualTo(headline);
			assertThat(js.executeScript("return document.querySelector('meta[property=\"og:title\"]').content"))
				.asString().contains(SCRIPT);
		});
	}

	@AfterAll
	static void summary() {
		Map<Integer, Integer> histogram = new TreeMap<>();
		STATUSES.forEach((status, count) -> histogram.put(status, count.get()));
		System.out.println("[hostile-input] " + TRIED.get() + " requests tried, by status: " + histogram
				+ "; table rows by category: " + CATEGORIES);
		assertThat(histogram.keySet()).as("5xx answers").allMatch(status -> status < 500);
		// every raw answer went through ApiContract: the table reaches each of its rules
		System.out.println("[hostile-input] answers judged by the API documents so far in this run, by rule: " + ApiContract.JUDGED);
		assertThat(ApiContract.JUDGED).containsKeys("an operation (answer only)", "a method the path does not have",
				"a method no document has", "a path no document lists", "outside the API");
	}

	// ---- helpers ------------------------------------------------------------------------------

	/** A fresh loopback source address: 127.0.x.y with x in 1..250, y in 1..250. */
	static String nextAddress() {
		int n = NEXT_ADDRESS.incrementAndGet() % (250 * 250);
		return "127.0." + (1 + n / 250) + "." + (1 + n % 250);
	}

	static void record(int status) {
		TRIED.incrementAndGet();
		STATUSES.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
	}

	/** Every collection of a service's store (GridFS files and chunks included) and its document count. */
	static Map<String, Long> counts(String service) {
		return Stores.read(service, HostileInputIT::countAll);
	}

	private static Map<String, Long> countAll(MongoDatabase database) {
		Map<String, Long> counts = new TreeMap<>();
		for (String name : database.listCollectionNames()) {
			counts.put(name, database.getCollection(name).countDocuments());
		}
		return counts;
	}

	private static final Set<String> SHARED_DEDUPE = Set.of("recent_views", "recent_addresses");

	/** ranking-service's documents and the sum of every counter in them, once its buffers are flushed. */
	static Map<String, Long> settledRankingCounts() {
		try {
			Thread.sleep(2500);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		return Stores.read("ranking-service", database -> {
			Map<String, Long> counts = countAll(database);
			// the shared dedupe memory (recent_views, recent_addresses): written only for views that
			// count (the buckets, compared here), and its expired documents are deleted once a minute
			// whether or not anything was counted
			counts.keySet().removeAll(SHARED_DEDUPE);
			for (String name : database.listCollectionNames()) {
				if (name.equals("top_lists") || SHARED_DEDUPE.contains(name)) {
					// the stored Top lists: derived from the buckets compared here, and rewritten
					// with a new version every refresh round whether or not anything was counted
					continue;
				}
				long total = 0;
				for (org.bson.Document document : database.getCollection(name).find()) {
					total += sumNumbers(document);
				}
				counts.put(name + ".total", total);
			}
			return counts;
		});
	}

	private static long sumNumbers(Object value) {
		if (value instanceof Number number && !(value instanceof Double)) {
			return number.longValue();
		}
		if (value instanceof Map<?, ?> map) {
			return map.values().stream().mapToLong(HostileInputIT::sumNumbers).sum();
		}
		if (value instanceof List<?> list) {
			return list.stream().mapToLong(HostileInputIT::sumNumbers).sum();
		}
		return 0;
	}

	private static Document parseXml(String xml) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		factory.setNamespaceAware(true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
	}

	private static String abbreviate(String text) {
		return text.length() <= 600 ? text : text.substring(0, 600) + "...";
	}

	interface BrowserSession {

		void run(ChromeDriver browser) throws Exception;
	}

	/** Debian's headless Chromium through its chromedriver, as the gateway's browser tests drive it. */
	static void withBrowser(BrowserSession session) throws Exception {
		Path chromium = Path.of(System.getProperty("newsroom.chromium", "/usr/bin/chromium"));
		Path chromedriver = Path.of(System.getProperty("newsroom.chromedriver", "/usr/bin/chromedriver"));
		Assumptions.assumeTrue(Files.isExecutable(chromium) && Files.isExecutable(chromedriver),
				"Browser check skipped: apt-get install chromium chromium-driver");
		Path profile = Files.createTempDirectory("newsroom-hostile-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(chromium.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,1900");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver browser = new ChromeDriver(service, options);
		try {
			browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
			session.run(browser);
		}
		finally {
			browser.quit();
			try (Stream<Path> files = Files.walk(profile)) {
				files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
			}
		}
	}

}
