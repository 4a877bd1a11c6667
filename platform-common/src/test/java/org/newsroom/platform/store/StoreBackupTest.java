package org.newsroom.platform.store;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipInputStream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded store's hot backup: taken while writes go on, it opens as a store holding every
 * write acknowledged before it began; and only this machine may ask for it.
 */
class StoreBackupTest {

	@TempDir
	Path dir;

	@Test
	void aBackupTakenDuringWritesOpensWithEveryWriteAcknowledgedBeforeIt() throws Exception {
		EmbeddedMongoServer live = EmbeddedMongoServer.start(dir.resolve("live.mv"), 0, true);
		Path archive = dir.resolve("backup.zip");
		int before;
		try (MongoClient client = MongoClients.create(live.connectionString())) {
			MongoCollection<Document> notes = client.getDatabase("backup").getCollection("notes");
			for (int i = 0; i < 500; i++) {
				notes.insertOne(new Document("n", i));
			}
			before = 500;
			AtomicBoolean writing = new AtomicBoolean(true);
			AtomicInteger during = new AtomicInteger();
			Thread writer = new Thread(() -> {
				while (writing.get()) {
					notes.insertOne(new Document("n", before + during.getAndIncrement()));
				}
			});
			writer.start();
			try (OutputStream out = Files.newOutputStream(archive)) {
				live.backup(out);
			}
			finally {
				writing.set(false);
				writer.join();
			}
			assertThat(during.get()).as("writes went on meanwhile").isPositive();
		}
		finally {
			live.stop();
		}

		Path restored = dir.resolve("restored.mv");
		try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(archive))) {
			assertThat(zip.getNextEntry()).isNotNull();
			Files.copy(zip, restored);
			assertThat(zip.getNextEntry()).as("one entry: the store file").isNull();
		}
		EmbeddedMongoServer reopened = EmbeddedMongoServer.start(restored, 0, true);
		try (MongoClient client = MongoClients.create(reopened.connectionString())) {
			MongoCollection<Document> notes = client.getDatabase("backup").getCollection("notes");
			long count = notes.countDocuments();
			assertThat(count).isGreaterThanOrEqualTo(before);
			// whole: the numbers run from 0 without a gap, whatever point in the writes the copy caught
			assertThat(notes.distinct("n", Integer.class).into(new ArrayList<>())).hasSize((int) count);
			assertThat(notes.find(new Document("n", count - 1)).first()).isNotNull();
		}
		finally {
			reopened.stop();
		}
	}

	@Test
	void anInMemoryStoreHasNothingToBackUp() {
		EmbeddedMongoServer memory = EmbeddedMongoServer.startInMemory(0);
		try {
			assertThat(memory.persistent()).isFalse();
		}
		finally {
			memory.stop();
		}
	}

	@Test
	void onlyThisMachineMayTakeTheBackup() {
		assertThat(StoreBackupAccess.allowed("127.0.0.1")).isTrue();
		assertThat(StoreBackupAccess.allowed("::1")).isTrue();
		assertThat(StoreBackupAccess.allowed("0:0:0:0:0:0:0:1")).isTrue();
		assertThat(StoreBackupAccess.allowed("10.0.0.7")).isFalse();
		assertThat(StoreBackupAccess.allowed("203.0.113.9")).isFalse();
		assertThat(StoreBackupAccess.allowed("localhost")).as("names are never looked up").isFalse();
		assertThat(StoreBackupAccess.allowed((String) null)).isFalse();
		assertThat(StoreBackupAccess.allowed(new InetSocketAddress("127.0.0.1", 5000))).isTrue();
		assertThat(StoreBackupAccess.allowed(new InetSocketAddress("192.0.2.1", 5000))).isFalse();
		assertThat(StoreBackupAccess.allowed((InetSocketAddress) null)).isFalse();
	}
}
