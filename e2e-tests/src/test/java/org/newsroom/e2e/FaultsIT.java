package org.newsroom.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import com.mongodb.client.model.Filters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Fault drills against the real stack, through the gateway: services stopped (SIGTERM, as an
 * operator or the orchestrator would), restarted in the middle of traffic, Keycloak gone. Every
 * drill puts the stack back as it found it, pass or fail, so the suites after it see a full
 * stack. Time bounds come from the limits the suite's gateway runs with ({@link LocalStack}).
 */
@ExtendWith(LocalStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {

	/** Room for the client's side of a request on a busy two-core machine, on top of the gateway's own limits. */
	static final Duration CLIENT_SLACK = Duration.ofSeconds(1);

	/**
	 * How long after a service goes away the gateway may still serve pages it cached while the
	 * service answered: the Top list is fetched every second, the change logs are read four times
	 * a second and pages are kept one second once a log cannot be read (docs/gateway.md, Caching).
	 */
	static final Duration NOTICED = Duration.ofSeconds(2);

	/** How long after a service is healthy again its full answers may take to return: one breaker pause and slack. */
	static final Duration RECOVERY = LocalStack.BREAKER_WAIT_IN_OPEN.plusSeconds(3);

	static String editor;
	static String photoId;
	static String slug;
	static String articleId;
	static String relatedId;
	static final String HEADLINE = "Fault drill: the ferry runs on through the storm";

	private final Set<String> stopped = ConcurrentHashMap.newKeySet();

	@BeforeAll
	static void publishAnArticleWithAPhotoThatReadersAreReading() throws IOException {
		editor = Client.token("editor1");
		Client.Response photo = Client.upload("/api/media", editor, NewsroomFlowIT.jpeg(640, 427), "ferry.jpg", """
				{"caption": "The Incheon ferry leaving port in heavy rain.", "altText": "A ferry in the rain",
				 "credit": "Yonhap"}""");
		assertThat(photo.status()).as(photo.toString()).isEqualTo(201);
		photoId = photo.json().get("id").asString();
		relatedId = publish(Drafts.article("Fault drill: storm warnings for the west coast")).get("id").asString();
		JsonNode main = publish(Drafts.article(HEADLINE, photoId, List.of(relatedId)));
		articleId = main.get("id").asString();
		slug = main.get("slug").asString();
		try (LoopbackReaders readers = new LoopbackReaders(LocalStack.GATEWAY, 5, 9)) {
			for (int i = 0; i < readers.size(); i++) {
				assertThat(readers.view(readers.get(i), articleId).status()).isEqualTo(202);
			}
		}
		// the Top list has it, and the gateway has seen that list (it shows it while ranking is away)
		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			JsonNode page = Client.get("/api/pages/articles/" + slug, null).json();
			assertThat(page.get("degraded").isEmpty()).as(page.toString()).isTrue();
			assertThat(page.get("top").get("items").valueStream().map(item -> item.get("articleId").asString()))
				.contains(articleId);
		});
	}

	@AfterEach
	void restoreTheStack() {
		startAll(Set.copyOf(stopped));
	}

	@AfterAll
	static void reportTheSlowestAnswer() {
		System.out.printf("[faults] slowest timed answer during the drills: %d ms (limit %d ms + %d ms client slack)%n",
				slowest.get(), LocalStack.pageTimeLimit().toMillis(), CLIENT_SLACK.toMillis());
	}

	@Test
	@Order(1)
	void pagesLeaveOutTheTopListAndThePhotoWhileTheirServicesAreDownAndGetThemBackWithoutAGatewayRestart() {
		assertFullPage();

		// ranking alone, then both, then media alone: each service restarted once keeps the drill short
		stop("ranking-service");
		readDegradedPages(Set.of("top"));
		stop("media-service");
		readDegradedPages(Set.of("leadImage", "top"));
		long rankingBack = timeUntilRecovered(() -> start("ranking-service"), () -> {
			JsonNode page = Client.get("/api/pages/articles/" + slug, null).json();
			assertThat(page.get("degraded").valueStream().map(JsonNode::asString)).containsExactly("leadImage");
		});
		assertThat(Duration.ofMillis(rankingBack)).isLessThanOrEqualTo(RECOVERY);
		// a service just started answers its first calls slowly: one of them may overrun the page
		// part's time limit and pause its breaker once more; once that pause is over, it holds
		awaitSteady(Set.of("leadImage"));
		readDegradedPages(Set.of("leadImage"));
		awaitFullPageAfter(() -> start("media-service"));
	}

	@Test
	@Order(2)
	void withArticleServiceDownPagesAndTheArticleApiAnswer503QuicklyAndRecoverWithoutAGatewayRestart() {
		stop("article-service");
		await().atMost(NOTICED).pollInterval(Duration.ofMillis(50))
			.until(() -> Client.get("/news/" + slug, null).status() == 503);
		// more requests than the breaker's minimum, so both the refused connection and the open breaker
		// are seen; all on one keep-alive connection, as a browser sends them (fast 503s one after
		// another once left a next request unread: docs/security.md, the keep-alive finding)
		try (LoopbackReaders readers = new LoopbackReaders(LocalStack.GATEWAY, 1, 11)) {
			LoopbackReaders.Reader reader = readers.get(0);
			for (int i = 0; i < 12; i++) {
				for (String path : List.of("/api/pages/articles/" + slug, "/news/" + slug, "/api/articles/" + articleId,
						"/api/articles/slug/" + slug)) {
					LoopbackReaders.Answer answer = timed(() -> readers.get(reader, path), LocalStack.pageTimeLimit());
					assertThat(answer.status()).as(path + ": " + answer).isEqualTo(503);
					assertThat(answer.header("Content-Type"))
						.startsWith(path.startsWith("/news/") ? "text/html" : "application/problem+json");
					assertThat(Long.parseLong(answer.header("Retry-After"))).isPositive();
				}
			}
		}
		// the rest of the site keeps answering: the Top list is ranking-service's own
		assertThat(Client.get("/api/rankings/top", null).status()).isEqualTo(200);

		long recovered = timeUntilRecovered(() -> start("article-service"), () -> {
			assertThat(Client.get("/api/articles/" + articleId, null).status()).isEqualTo(200);
			assertThat(Client.get("/news/" + slug, null).status()).isEqualTo(200);
			assertThat(Client.get("/api/pages/articles/" + slug, null).json().get("degraded").isEmpty()).isTrue();
		});
		assertThat(Duration.ofMillis(recovered)).isLessThanOrEqualTo(RECOVERY);
	}

	@Test
	@Order(3)
	void viewsSentAcrossAGracefulRankingRestartAreStoredExactlyOnceEach() throws Exception {
		String counted = publish(Drafts.article("Fault drill: the view count that survives a restart"))
			.get("id")
			.asString();
		ViewStream stream = new ViewStream(counted);
		try (LoopbackReaders readers = new LoopbackReaders(LocalStack.GATEWAY, 200, 10)) {
			Thread sender = new Thread(() -> stream.run(readers), "view-stream");
			sender.start();
			try {
				await().atMost(Duration.ofSeconds(20)).until(() -> stream.accepted.sum() >= 20);
				stop("ranking-service");
				start("ranking-service");
				long atRestart = stream.accepted.sum();
				await().atMost(RECOVERY.plusSeconds(10)).until(() -> stream.accepted.sum() >= atRestart + 20);
			}
			finally {
				stream.running.set(false);
				sender.join(Duration.ofSeconds(40).toMillis());
			}
		}

		assertThat(stream.refusals).as("answers other than 202 while ranking-service was away").isNotEmpty();
		assertThat(stream.refusals.keySet()).as("statuses seen besides 202").containsOnly("503");
		assertThat(stream.unexpected).as("failures other than an edge answer").isEmpty();
		long accepted = stream.accepted.sum();
		long streamEnded = System.nanoTime();
		// views of an article the restarted service has not seen yet wait for article-service's answer
		// (its client's breaker may pause look-ups for 10 s after a failure); then they are stored
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(300))
			.untilAsserted(() -> assertThat(Stores.views(counted)).isEqualTo(accepted));
		System.out.printf("[faults] every accepted view stored %d ms after the stream ended%n",
				(System.nanoTime() - streamEnded) / 1_000_000);
		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			JsonNode top = Client.get("/api/rankings/top?window=24h&limit=50", null).json();
			assertThat(top.get("items")
				.valueStream()
				.filter(item -> item.get("articleId").asString().equals(counted))
				.map(item -> item.get("views").asLong())).containsExactly(accepted);
		});
	}

	@Test
	@Order(4)
	void withKeycloakGoneReadingGoesOnAndNoWriteSkipsAuthentication() throws Exception {
		String signedInBefore = Client.token("editor1");
		String strangerToken = signedByAStranger(signedInBefore);
		String unsignedToken = unsigned(signedInBefore);
		assertThat(storedArticles(HEADLINE)).as("the store is read where articles are").isEqualTo(1);
		stop("keycloak");

		// anonymous reading does not need Keycloak at all
		assertThat(Client.get("/api/articles/" + articleId, null).status()).isEqualTo(200);
		JsonNode page = Client.get("/api/pages/articles/" + slug, null).json();
		assertThat(page.get("degraded").isEmpty()).as(page.toString()).isTrue();
		assertThat(Client.get("/news/" + slug, null).status()).isEqualTo(200);
		assertThat(Client.get("/", null).status()).isEqualTo(200);
		assertThat(Client.get("/api/rankings/top", null).status()).isEqualTo(200);
		assertThatThrownBy(() -> Client.token("editor1")).as("signing in needs Keycloak").isNotNull();

		// a token nobody can check now (a key the services never saw) and one without a signature: refused, nothing stored
		for (String token : List.of(strangerToken, unsignedToken)) {
			String headline = "Fault drill: forged while Keycloak was away " + UUID.randomUUID();
			Client.Response refused = Client.send("POST", "/api/articles", token, Drafts.article(headline).toString());
			System.out.printf("[faults] %s token while Keycloak is down: %d%n",
					token == strangerToken ? "a stranger-signed" : "an unsigned", refused.status());
			assertThat(refused.status()).as(refused.toString()).isIn(401, 503);
			assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
			if (refused.status() == 503) {
				assertThat(refused.header("Retry-After")).isNotBlank();
			}
			assertThat(storedArticles(headline)).isZero();
		}

		// a token Keycloak signed minutes ago with the key every layer already holds: its signature still checks out
		String headline = "Fault drill: written with a token signed before Keycloak went away " + UUID.randomUUID();
		Client.Response written = Client.send("POST", "/api/articles", signedInBefore,
				Drafts.article(headline).toString());
		assertThat(written.status()).as(written.toString()).isIn(201, 401, 503);
		assertThat(storedArticles(headline)).isEqualTo(written.status() == 201 ? 1 : 0);
		System.out.printf("[faults] a still-valid token while Keycloak is down: %d%n", written.status());

		start("keycloak");
		String signedInAfter = Client.token("editor1");
		Client.Response afterwards = Client.send("POST", "/api/articles", signedInAfter,
				Drafts.article("Fault drill: Keycloak is back").toString());
		assertThat(afterwards.status()).as(afterwards.toString()).isEqualTo(201);
	}

	// --- the article page as readers and apps see it

	private static void assertFullPage() {
		JsonNode page = Client.get("/api/pages/articles/" + slug, null).json();
		assertThat(page.get("degraded").isEmpty()).as(page.toString()).isTrue();
		assertThat(page.get("leadImage").get("id").asString()).isEqualTo(photoId);
		assertThat(page.get("top").get("items").isArray()).isTrue();
		assertThat(page.get("related").valueStream().map(r -> r.get("id").asString())).containsExactly(relatedId);
		Client.Response html = Client.get("/news/" + slug, null);
		assertThat(html.status()).isEqualTo(200);
		assertThat(html.body()).contains(HEADLINE).contains("class=\"lead-photo\"");
		assertThat(topStories(html.body())).contains("href=\"/news/" + slug + "\"");
	}

	/**
	 * Once the gateway has noticed (its cached pages last at most {@link #NOTICED} after a
	 * service goes away), reads the page as JSON and HTML often enough to open the parts'
	 * breakers: every answer is 200 within the page's time limit, with exactly the named parts
	 * missing.
	 */
	private static void readDegradedPages(Set<String> missing) {
		// the JSON and the HTML page are cached apart, composed a few milliseconds apart, so each
		// may notice up to that much later than the other
		await().atMost(NOTICED).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
			Set<String> degraded = new LinkedHashSet<>();
			Client.get("/api/pages/articles/" + slug, null).json().get("degraded").forEach(name -> degraded.add(name.asString()));
			assertThat(degraded).isEqualTo(missing);
			assertThat(Client.get("/news/" + slug, null).body().contains("class=\"lead-photo\""))
				.isEqualTo(!missing.contains("leadImage"));
		});
		for (int i = 0; i < 12; i++) {
			Client.Response json = timed(() -> Client.get("/api/pages/articles/" + slug, null), LocalStack.pageTimeLimit());
			assertThat(json.status()).as(json.toString()).isEqualTo(200);
			JsonNode page = json.json();
			Set<String> degraded = new LinkedHashSet<>();
			page.get("degraded").forEach(name -> degraded.add(name.asString()));
			assertThat(degraded).as(page.toString()).isEqualTo(missing);
			assertThat(page.get("article").get("slug").asString()).isEqualTo(slug);
			assertThat(absent(page.path("leadImage"))).isEqualTo(missing.contains("leadImage"));
			assertThat(absent(page.path("top"))).isEqualTo(missing.contains("top"));
			assertThat(page.get("related").valueStream().map(r -> r.get("id").asString())).containsExactly(relatedId);
			assertThat(json.header("Cache-Control")).contains("no-store");

			Client.Response html = timed(() -> Client.get("/news/" + slug, null), LocalStack.pageTimeLimit());
			assertThat(html.status()).isEqualTo(200);
			assertThat(html.header("Cache-Control")).as("a degraded page is not cached").contains("no-store");
			assertThat(html.body()).contains(HEADLINE);
			assertThat(html.body().contains("class=\"lead-photo\"")).isEqualTo(!missing.contains("leadImage"));
			// docs/architecture.md, "When something is down": the reader's page shows the last-known Top 10 while ranking-service is away
			assertThat(topStories(html.body())).contains("href=\"/news/" + slug + "\"");
		}
	}

	private static void awaitFullPageAfter(Runnable restart) {
		long recovered = timeUntilRecovered(restart, FaultsIT::assertFullPage);
		assertThat(Duration.ofMillis(recovered)).isLessThanOrEqualTo(RECOVERY);
	}

	/** Restarts, then measures how long after the restart the check first passes. */
	/** Until the page JSON has named exactly these parts as degraded for two seconds running. */
	private static void awaitSteady(Set<String> missing) {
		long[] steadySince = { 0 };
		await().atMost(RECOVERY.plus(LocalStack.BREAKER_WAIT_IN_OPEN)).pollInterval(Duration.ofMillis(100)).until(() -> {
			Set<String> degraded = new LinkedHashSet<>();
			Client.get("/api/pages/articles/" + slug, null).json().get("degraded").forEach(name -> degraded.add(name.asString()));
			long now = System.nanoTime();
			if (!degraded.equals(missing)) {
				steadySince[0] = 0;
				return false;
			}
			if (steadySince[0] == 0) {
				steadySince[0] = now;
			}
			return now - steadySince[0] >= Duration.ofSeconds(2).toNanos();
		});
	}

	private static long timeUntilRecovered(Runnable restart, Runnable check) {
		restart.run();
		long started = System.nanoTime();
		await().atMost(RECOVERY.plusSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(check::run);
		long millis = (System.nanoTime() - started) / 1_000_000;
		System.out.printf("[faults] full answers back %d ms after the restart%n", millis);
		return millis;
	}

	private static boolean absent(JsonNode part) {
		return part.isNull() || part.isMissingNode();
	}

	private static String topStories(String html) {
		int start = html.indexOf("class=\"top-stories\"");
		assertThat(start).as("the page has a Top 10 box").isNotNegative();
		return html.substring(start, html.indexOf("</aside>", start));
	}

	private static final AtomicLong slowest = new AtomicLong();

	private static <T> T timed(java.util.function.Supplier<T> request, Duration gatewayLimit) {
		long started = System.nanoTime();
		T response = request.get();
		long millis = (System.nanoTime() - started) / 1_000_000;
		slowest.accumulateAndGet(millis, Math::max);
		assertThat(Duration.ofMillis(millis)).as("answer time").isLessThanOrEqualTo(gatewayLimit.plus(CLIENT_SLACK));
		return response;
	}

	// --- the stream of views

	/** Views of one article, each from a new visitor, about 20 a second, spread over readers' addresses. */
	static final class ViewStream {

		final String articleId;
		final AtomicBoolean running = new AtomicBoolean(true);
		final LongAdder accepted = new LongAdder();
		final Map<String, LongAdder> refusals = new ConcurrentHashMap<>();
		final List<String> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());

		ViewStream(String articleId) {
			this.articleId = articleId;
		}

		void run(LoopbackReaders readers) {
			while (running.get()) {
				try {
					LoopbackReaders.Answer answer = readers.view(readers.next(), articleId);
					if (answer.status() == 202) {
						accepted.increment();
					}
					else {
						refusals.computeIfAbsent(Integer.toString(answer.status()), s -> new LongAdder()).increment();
						if (answer.status() == 503 && answer.header("Retry-After") == null) {
							unexpected.add("503 without Retry-After: " + answer);
						}
					}
				}
				catch (RuntimeException e) {
					unexpected.add(e.toString());
				}
				pause(50);
			}
			System.out.printf("[faults] view stream: %d accepted, refused %s%n", accepted.sum(), refusals);
		}
	}

	private static long storedArticles(String headline) {
		return Stores.read("article-service",
				db -> db.getCollection("articles").countDocuments(Filters.eq("content.headline", headline)));
	}

	// --- articles

	private static JsonNode publish(ObjectNode article) {
		Client.Response created = Client.send("POST", "/api/articles", editor, article.toString());
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String id = created.json().get("id").asString();
		Client.Response published = Client.send("POST", "/api/articles/" + id + "/publish", editor, null);
		assertThat(published.status()).as(published.toString()).isEqualTo(200);
		return published.json();
	}

	// --- tokens the realm never issued

	/** The same claims as a real token, signed with a key of our own under a key id nobody has seen. */
	private static String signedByAStranger(String realToken) throws GeneralSecurityException {
		var keys = KeyPairGenerator.getInstance("RSA");
		keys.initialize(2048);
		var pair = keys.generateKeyPair();
		String signingInput = base64("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"drill-" + UUID.randomUUID() + "\"}") + "."
				+ realToken.split("\\.")[1];
		Signature signer = Signature.getInstance("SHA256withRSA");
		signer.initSign(pair.getPrivate());
		signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
		return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign());
	}

	/** The same claims with {@code alg: none} and no signature. */
	private static String unsigned(String realToken) {
		return base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + realToken.split("\\.")[1] + ".";
	}

	private static String base64(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

	// --- the stack

	private void stop(String name) {
		stopped.add(name);
		LocalStack.stopService(name);
	}

	private void start(String name) {
		LocalStack.startService(name);
		stopped.remove(name);
	}

	/** Starts the named services side by side and waits for all of them. */
	private void startAll(Set<String> names) {
		CompletableFuture.allOf(names.stream()
			.map(name -> CompletableFuture.runAsync(() -> start(name)))
			.toArray(CompletableFuture[]::new)).join();
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
