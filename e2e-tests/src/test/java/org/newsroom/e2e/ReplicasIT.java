package org.newsroom.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform scaled out on one machine (issue 19): two gateways sharing their rate limits and
 * the desk's sessions in Redis, two ranking-service replicas sharing dedupe and Top lists, two article-service replicas
 * sharing the scheduled publisher's claims; every second replica uses the first one's store,
 * as replicas share MongoDB in a deployment ({@code run-local.sh --replicas}). Readers and
 * editors must get the same answers as from one of each.
 */
@ExtendWith(LocalStack.class)
class ReplicasIT {

	private static final String REPLICAS = "article-service=2,ranking-service=2,gateway=2";

	/** Started again with their replica settings: shared dedupe; the URL lists and Redis. */
	private static final List<String> RESTARTED = List.of("ranking-service", "gateway");

	/**
	 * The general per-client budget of both gateways while the class runs: a refill slow beside
	 * any machine's requests, so that one budget and two are told apart (the editor's polls
	 * below stay within it).
	 */
	private static final int BUDGET = 20;

	private static final int BUDGET_PER_SECOND = 1;

	private static final String[] GATEWAYS = { LocalStack.GATEWAY, LocalStack.GATEWAY_2 };

	private static final String[] RANKING_REPLICAS = { "http://localhost:8083",
			"http://localhost:" + LocalStack.RANKING_SERVICE_2_PORT };

	private static String editor;

	@BeforeAll
	static void scaleOut() {
		LocalStack.scaleOut(REPLICAS, RESTARTED, Map.of(
				"NEWSROOM_EDGE_RATELIMITS_GENERAL_CAPACITY", Integer.toString(BUDGET),
				"NEWSROOM_EDGE_RATELIMITS_GENERAL_PERSECOND", Integer.toString(BUDGET_PER_SECOND)));
		editor = Client.token("editor1");
	}

	@AfterAll
	static void scaleIn() {
		LocalStack.scaleIn(RESTARTED);
	}

	@Test
	void theSameVisitorsBeaconsAlternateBetweenTheRankingReplicasAndEachCountsOnce() throws Exception {
		String articleId = published("Replicas count once " + System.nanoTime());
		int visitors = 12;
		int beaconsEach = 4;
		long[] receivedBefore = receivedByReplica();
		// the same readers (same addresses, same visitor ids) through both gateways in turn; each
		// gateway balances its beacons over both ranking replicas
		try (LoopbackReaders first = new LoopbackReaders(GATEWAYS[0], visitors, 91);
				LoopbackReaders second = new LoopbackReaders(GATEWAYS[1], visitors, 91)) {
			for (int v = 0; v < visitors; v++) {
				String visitor = LoopbackReaders.newVisitorId();
				for (int b = 0; b < beaconsEach; b++) {
					LoopbackReaders readers = b % 2 == 0 ? first : second;
					LoopbackReaders.Answer answer = readers.view(readers.get(v), articleId, visitor);
					assertThat(answer.status()).as("beacon %d of visitor %d: %s", b, v, answer).isEqualTo(202);
				}
			}
		}
		long[] receivedAfter = receivedByReplica();
		for (int i = 0; i < RANKING_REPLICAS.length; i++) {
			// round robin spreads them about evenly; a health check that is late on a busy machine
			// can tilt the share, so only "many on each" is required
			assertThat(receivedAfter[i] - receivedBefore[i]).as("beacons that reached %s", RANKING_REPLICAS[i])
				.isGreaterThanOrEqualTo(visitors * beaconsEach / 8);
		}
		// stored within the flush interval (1 s); a second count would come in the same time
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (Stores.views(articleId) < visitors && System.nanoTime() < deadline) {
			Thread.sleep(250);
		}
		Thread.sleep(3000);
		assertThat(Stores.views(articleId)).as("views stored for %d visitors, each seen on both replicas", visitors)
			.isEqualTo(visitors);
	}

	@Test
	void bothRankingReplicasAnswerTheSameTopTen() throws Exception {
		String articleId = published("Replicas agree on the Top 10 " + System.nanoTime());
		try (LoopbackReaders readers = new LoopbackReaders(LocalStack.GATEWAY, 30, 95)) {
			for (int v = 0; v < readers.size(); v++) {
				assertThat(readers.view(readers.get(v), articleId).status()).isEqualTo(202);
			}
		}
		// one list for the deployment, computed once per refresh (5 s) and served by every replica
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (!(topIds(RANKING_REPLICAS[0]).contains(articleId) && topIds(RANKING_REPLICAS[1]).contains(articleId))) {
			assertThat(System.nanoTime()).as("the article reaches both replicas' Top 10").isLessThan(deadline);
			Thread.sleep(500);
		}
		for (int i = 0; i < 5; i++) {
			JsonNode one = top(RANKING_REPLICAS[0]);
			JsonNode other = top(RANKING_REPLICAS[1]);
			assertThat(other.get("items")).as("the two replicas' Top 10, read together").isEqualTo(one.get("items"));
			Thread.sleep(1000);
		}
	}

	@Test
	void aClientsRateBudgetIsNotDoubledByTwoGateways() {
		// one client alternates the two gateways, as a load balancer in front of them would, until
		// one of them refuses: with one budget for both that is after about BUDGET requests (the
		// refill meanwhile is one token a second), with a budget per gateway after about twice that
		int accepted = 0;
		int refusedAt = -1;
		try (LoopbackReaders first = new LoopbackReaders(GATEWAYS[0], 1, 97);
				LoopbackReaders second = new LoopbackReaders(GATEWAYS[1], 1, 97)) {
			for (int i = 0; i < 4 * BUDGET && refusedAt < 0; i++) {
				LoopbackReaders readers = i % 2 == 0 ? first : second;
				LoopbackReaders.Answer answer = readers.get(readers.get(0), "/api/rankings/top?limit=1");
				if (answer.status() == 429) {
					refusedAt = i;
				}
				else {
					assertThat(answer.status()).as("request %d: %s", i, answer).isEqualTo(200);
					accepted++;
				}
			}
		}
		assertThat(refusedAt).as("a 429 within %d requests", 4 * BUDGET).isNotNegative();
		// half a budget of room: tokens a gateway may hold in hand, and the refill
		assertThat(accepted).as("requests accepted before the first 429").isLessThanOrEqualTo(BUDGET + BUDGET / 2);
	}

	@Test
	void aScheduledArticleIsPublishedOnceByTwoArticleServiceReplicas() throws Exception {
		Client.Response created = Client.send("POST", "/api/articles", editor,
				Drafts.article("Replicas publish once " + System.nanoTime()).toString());
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String id = created.json().get("id").asString();
		Instant at = Instant.now().plusSeconds(6);
		Client.Response scheduled = Client.send("POST", "/api/articles/" + id + "/publish", editor,
				"{\"at\": \"" + at + "\"}");
		assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(200);

		// both replicas run the scheduler every 5 s; each due article is claimed by one of them
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (!"PUBLISHED".equals(Client.get("/api/articles/" + id, editor).json().get("status").asString())) {
			assertThat(System.nanoTime()).as("the scheduled article is published").isLessThan(deadline);
			Thread.sleep(1000);
		}
		// two more rounds of both schedulers: nothing is published a second time
		Thread.sleep(11_000);
		JsonNode revisions = Client.get("/api/articles/" + id + "/revisions", editor).json();
		List<String> actions = new ArrayList<>();
		revisions.get("items").forEach(item -> actions.add(item.get("action").asString()));
		assertThat(actions).as("the article's history").containsOnlyOnce("published");
		assertThat(actions.stream().filter("published"::equals).count()).isEqualTo(1);
	}

	/**
	 * The desk's sessions are in the Redis both gateways share: a sign-in begun on the second
	 * gateway finishes on the first (the public address Keycloak sends the browser back to), the
	 * session it made is the second's too, and signing out on the second ends it on the first.
	 */
	@Test
	void anEditorSignedInOnOneGatewayIsSignedInOnTheOther() throws Exception {
		HostileInputIT.withBrowser(browser -> {
			browser.get(LocalStack.GATEWAY_2 + "/desk");
			DeskIT.signIn(browser, "editor1");
			assertThat(browser.findElement(By.cssSelector("[data-user]")).getText()).isEqualTo("editor1");

			// the same browser on the other gateway (cookies are the host's, whatever the port)
			browser.get(LocalStack.GATEWAY_2 + "/desk");
			assertThat(browser.getCurrentUrl()).as("no second sign-in").isEqualTo(LocalStack.GATEWAY_2 + "/desk");
			assertThat(DeskIT.status(browser)).isEqualTo(200);
			assertThat(browser.findElement(By.cssSelector("[data-user]")).getText()).isEqualTo("editor1");

			// sign-out is a POST with the session's CSRF token, here to the second gateway; Keycloak
			// then sends the browser to the site's public address
			browser.findElement(By.cssSelector("form[data-sign-out] button")).click();
			DeskIT.waitFor(browser, () -> browser.getCurrentUrl().equals(LocalStack.GATEWAY + "/"));
			browser.get(LocalStack.GATEWAY + "/desk");
			DeskIT.waitFor(browser, () -> browser.getCurrentUrl().startsWith(LocalStack.KEYCLOAK));
			assertThat(browser.findElements(By.id("password"))).as("Keycloak asks for the password again").isNotEmpty();
		});
	}

	private static String published(String headline) {
		Client.Response created = Client.send("POST", "/api/articles", editor, Drafts.article(headline).toString());
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String id = created.json().get("id").asString();
		Client.Response published = Client.send("POST", "/api/articles/" + id + "/publish", editor, null);
		assertThat(published.status()).as(published.toString()).isEqualTo(200);
		return id;
	}

	private static JsonNode top(String replica) {
		Client.Response answer = Client.getFrom(replica, "/api/rankings/top?window=24h&limit=10");
		assertThat(answer.status()).as(replica + ": " + answer).isEqualTo(200);
		return answer.json();
	}

	private static List<String> topIds(String replica) {
		List<String> ids = new ArrayList<>();
		top(replica).get("items").forEach(item -> ids.add(item.get("articleId").asString()));
		return ids;
	}

	private static final Pattern RECEIVED = Pattern.compile("^ranking_views_total\\{[^}]*\\} ([0-9.eE+]+)$", Pattern.MULTILINE);

	/**
	 * The beacons each ranking replica received, whatever became of them (its own metric, every
	 * outcome: a visitor's second beacon on a replica is a local duplicate), in replica order.
	 */
	private static long[] receivedByReplica() {
		long[] received = new long[RANKING_REPLICAS.length];
		for (int i = 0; i < received.length; i++) {
			Client.Response metrics = Client.getFrom(RANKING_REPLICAS[i], "/actuator/prometheus");
			assertThat(metrics.status()).as(RANKING_REPLICAS[i] + " metrics").isEqualTo(200);
			Matcher value = RECEIVED.matcher(metrics.body());
			while (value.find()) {
				received[i] += (long) Double.parseDouble(value.group(1));
			}
		}
		return received;
	}
}
