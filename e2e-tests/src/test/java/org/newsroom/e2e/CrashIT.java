package org.newsroom.e2e;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Acknowledged means stored: each service is killed with {@code SIGKILL} right after answering
 * writes (no shutdown hook, no final flush), started again, and everything it acknowledged is
 * read back through the gateway: articles and their revisions, photos with their bytes and
 * renditions. ranking-service sums views in memory and flushes them every second: what a kill
 * loses there is measured and must stay within what was accepted in that last second.
 */
@ExtendWith(LocalStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashIT {

	/** ranking-service's flush interval (run-local.sh's default), and what a flush itself may take. */
	static final Duration FLUSH_INTERVAL = Duration.ofSeconds(1);

	static final Duration FLUSH_SLACK = Duration.ofMillis(500);

	static String editor;

	@BeforeAll
	static void signIn() {
		editor = Client.token("editor1");
	}

	@Test
	@Order(1)
	void articlesAndRevisionsAcknowledgedJustBeforeAKillAreThereAfterTheRestart() {
		Map<String, String> headlines = new LinkedHashMap<>();
		for (int i = 0; i < 15; i++) {
			String headline = "Crash drill: tide tables for the west coast, part " + i;
			Client.Response created = Client.send("POST", "/api/articles", editor, Drafts.article(headline).toString());
			assertThat(created.status()).as(created.toString()).isEqualTo(201);
			String id = created.json().get("id").asString();
			String revised = headline + " (revised)";
			Client.Response updated = Client.sendIfMatch("PUT", "/api/articles/" + id, editor, created.header("ETag"),
					Drafts.article(revised).toString());
			assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
			headlines.put(id, revised);
		}
		String published = headlines.keySet().iterator().next();
		assertThat(Client.send("POST", "/api/articles/" + published + "/publish", editor, null).status()).isEqualTo(200);

		LocalStack.killService("article-service");
		LocalStack.startService("article-service");

		headlines.forEach((id, headline) -> {
			Client.Response article = Client.get("/api/articles/" + id, editor);
			assertThat(article.status()).as(article.toString()).isEqualTo(200);
			assertThat(article.json().get("headline").asString()).isEqualTo(headline);
			JsonNode revisions = Client.get("/api/articles/" + id + "/revisions", editor).json();
			assertThat(revisions.get("items").valueStream().map(item -> item.get("action").asString()))
				.as("the revision history of " + id)
				.hasSizeGreaterThanOrEqualTo(2);
		});
		Client.Response reader = Client.get("/api/articles/" + published, null);
		assertThat(reader.status()).as("the published one, as readers see it").isEqualTo(200);
	}

	@Test
	@Order(2)
	void photosTheirBytesAndRenditionsAcknowledgedJustBeforeAKillAreThereAfterTheRestart() throws IOException {
		Map<String, byte[]> originals = new LinkedHashMap<>();
		Map<String, byte[]> thumbs = new LinkedHashMap<>();
		for (int i = 0; i < 4; i++) {
			// a different size each, so that no upload is recognised as one before it
			byte[] jpeg = NewsroomFlowIT.jpeg(700 + i, 460 + i);
			Client.Response photo = Client.upload("/api/media", editor, jpeg, "harbour-" + i + ".jpg",
					"{\"caption\": \"Crash drill: the harbour at dawn.\", \"credit\": \"Yonhap\"}");
			assertThat(photo.status()).as(photo.toString()).isEqualTo(201);
			String id = photo.json().get("id").asString();
			originals.put(id, jpeg);
			byte[] thumb = Client.bytes("/api/media/" + id + "/renditions/thumb", null);
			assertThat(thumb).as("the thumb of " + id).isNotNull();
			thumbs.put(id, thumb);
		}
		long renditionsBefore = Stores.count("media-service", "renditions");

		LocalStack.killService("media-service");
		LocalStack.startService("media-service");

		originals.forEach((id, jpeg) -> {
			Client.Response photo = Client.get("/api/media/" + id, editor);
			assertThat(photo.status()).as(photo.toString()).isEqualTo(200);
			assertThat(photo.json().get("credit").asString()).isEqualTo("Yonhap");
			assertThat(Client.bytes("/api/media/" + id + "/original", editor)).as("the original of " + id).isEqualTo(jpeg);
			assertThat(Client.bytes("/api/media/" + id + "/renditions/thumb", null)).as("the stored thumb of " + id)
				.isEqualTo(thumbs.get(id));
		});
		assertThat(Stores.count("media-service", "renditions")).as("renditions served from the store, none made again")
			.isEqualTo(renditionsBefore);
	}

	@Test
	@Order(3)
	void aKilledRankingServiceLosesAtMostTheViewsOfItsLastFlushInterval() throws Exception {
		String article = Client.send("POST", "/api/articles", editor, Drafts.article("Crash drill: the view count").toString())
			.json()
			.get("id")
			.asString();
		assertThat(Client.send("POST", "/api/articles/" + article + "/publish", editor, null).status()).isEqualTo(200);

		ConcurrentLinkedQueue<Long> acceptedAt = new ConcurrentLinkedQueue<>();
		AtomicBoolean running = new AtomicBoolean(true);
		long killedAt;
		try (LoopbackReaders readers = new LoopbackReaders(LocalStack.GATEWAY, 200, 20)) {
			List<Thread> senders = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				Thread sender = new Thread(() -> {
					while (running.get()) {
						try {
							if (readers.view(readers.next(), article).status() == 202) {
								acceptedAt.add(System.nanoTime());
							}
						}
						catch (RuntimeException e) {
							// the connection the kill cut: not accepted, so not counted
						}
						pause(20);
					}
				}, "crash-views-" + i);
				sender.start();
				senders.add(sender);
			}
			// a few seconds of flushes first, then the kill in the middle of the stream
			await().atMost(Duration.ofSeconds(60)).until(() -> acceptedAt.size() >= 600);
			killedAt = System.nanoTime();
			LocalStack.killService("ranking-service");
			running.set(false);
			for (Thread sender : senders) {
				sender.join(Duration.ofSeconds(30).toMillis());
			}
		}
		long[] times = acceptedAt.stream().mapToLong(Long::longValue).sorted().toArray();
		long window = FLUSH_INTERVAL.plus(FLUSH_SLACK).toNanos();
		long inLastInterval = Arrays.stream(times).filter(at -> killedAt - at <= window).count();

		LocalStack.startService("ranking-service");
		long stored = Stores.views(article);
		long lost = times.length - stored;
		System.out.printf("[crash] ranking-service killed: %d views accepted, %d stored, %d lost; %d accepted in the last %d ms%n",
				times.length, stored, lost, inLastInterval, window / 1_000_000);
		assertThat(stored).as("never more than accepted").isLessThanOrEqualTo(times.length);
		assertThat(lost).as("lost views, against those accepted in the last flush interval").isLessThanOrEqualTo(inLastInterval);
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
