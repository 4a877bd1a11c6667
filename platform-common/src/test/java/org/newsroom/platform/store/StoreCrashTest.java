package org.newsroom.platform.store;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A write the embedded store acknowledged is in the file when the process is killed
 * ({@code SIGKILL}) right after: the store runs in a child JVM, is written to, killed at once, and
 * opened again in this one. MVStore's own commit once a second lost most of such writes.
 */
class StoreCrashTest {

	@TempDir
	Path dir;

	@Test
	void everyAcknowledgedWriteSurvivesAKillRightAfterIt() throws Exception {
		Path file = dir.resolve("crash.mv");
		List<Object> acknowledged = new ArrayList<>();
		Process store = startStore(file);
		try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + portOf(store))) {
			MongoCollection<Document> articles = client.getDatabase("crash").getCollection("articles");
			for (int i = 0; i < 40; i++) {
				Document article = new Document("headline", "Story " + i).append("version", 1);
				articles.insertOne(article);
				acknowledged.add(article.get("_id"));
			}
			// changes and deletions are writes too
			articles.updateOne(Filters.eq("_id", acknowledged.get(0)), Updates.set("version", 2));
			articles.deleteOne(Filters.eq("_id", acknowledged.remove(1)));
			store.destroyForcibly();
			assertThat(store.waitFor(10, TimeUnit.SECONDS)).isTrue();
		}
		finally {
			store.destroyForcibly();
		}

		EmbeddedMongoServer reopened = EmbeddedMongoServer.start(file, 0, true);
		try (MongoClient client = MongoClients.create(reopened.connectionString())) {
			MongoCollection<Document> articles = client.getDatabase("crash").getCollection("articles");
			List<Object> found = new ArrayList<>();
			articles.find().forEach(article -> found.add(article.get("_id")));
			assertThat(found).containsExactlyInAnyOrderElementsOf(acknowledged);
			assertThat(articles.find(Filters.eq("_id", acknowledged.get(0))).first().getInteger("version")).isEqualTo(2);
			// and the store goes on taking writes after the crash
			articles.insertOne(new Document("headline", "After the crash"));
			assertThat(articles.countDocuments()).isEqualTo(acknowledged.size() + 1);
		}
		finally {
			reopened.stop();
		}
	}

	private static Process startStore(Path file) throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		return new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
				CrashingStore.class.getName(), file.toString())
			.redirectErrorStream(true)
			.start();
	}

	private static int portOf(Process store) throws Exception {
		BufferedReader output = new BufferedReader(new InputStreamReader(store.getInputStream(), StandardCharsets.UTF_8));
		for (String line = output.readLine(); line != null; line = output.readLine()) {
			if (line.startsWith(CrashingStore.READY)) {
				// keep draining what the store logs, so that it never blocks on a full pipe
				Thread drain = new Thread(() -> output.lines().forEach(ignored -> {
				}), "store-output");
				drain.setDaemon(true);
				drain.start();
				return Integer.parseInt(line.substring(CrashingStore.READY.length()));
			}
		}
		throw new IllegalStateException("the store process ended before it listened");
	}

	/** The child process: a write-through store on a free port, until it is killed. */
	static final class CrashingStore {

		static final String READY = "store listening on port ";

		public static void main(String[] args) throws InterruptedException {
			EmbeddedMongoServer server = EmbeddedMongoServer.start(Path.of(args[0]), 0, true);
			System.out.println(READY + server.port());
			Thread.sleep(Long.MAX_VALUE);
		}
	}
}
