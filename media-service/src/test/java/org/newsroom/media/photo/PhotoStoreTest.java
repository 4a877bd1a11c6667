package org.newsroom.media.photo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsroom.platform.test.TestMongo;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.mongodb.repository.support.MongoRepositoryFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one writer of photo records, against the wire-protocol MongoDB server and a fixed clock:
 * every update stamps the clock's time, and a taken-down photo is never changed again.
 */
class PhotoStoreTest {

	static final Instant UPLOADED = Instant.parse("2026-03-01T08:00:00Z");

	static final Instant NOW = Instant.parse("2026-03-02T10:15:30.123456Z");

	MongoClient client;
	MongoTemplate mongo;
	PhotoStore store;

	@BeforeEach
	void connect() {
		client = MongoClients.create(TestMongo.uri());
		mongo = new MongoTemplate(client, "photos-" + UUID.randomUUID().toString().substring(0, 8));
		mongo.indexOps(Photo.class).createIndex(new Index("sha256", Sort.Direction.ASC).unique());
		PhotoRepository repository = new MongoRepositoryFactory(mongo).getRepository(PhotoRepository.class);
		store = new PhotoStore(repository, mongo, Clock.fixed(NOW, ZoneOffset.UTC));
	}

	@AfterEach
	void disconnect() {
		client.close();
	}

	@Test
	void nowIsTheClocksTimeInMillisecondsAsStored() {
		assertThat(store.now()).isEqualTo(Instant.parse("2026-03-02T10:15:30.123Z"));
	}

	@Test
	void anEditStampsTheClocksTimeAndReturnsThePhotoAsStored() {
		Photo photo = store.insert(photo("a".repeat(64)));

		Photo edited = store.updateActive(photo.id(), new Update().set(Photo.Fields.CAPTION, "Harbour at dawn"))
			.orElseThrow();

		assertThat(edited.caption()).isEqualTo("Harbour at dawn");
		assertThat(edited.updatedAt()).isEqualTo(store.now());
		assertThat(edited.createdAt()).isEqualTo(UPLOADED);
		assertThat(store.findById(photo.id())).contains(edited);
	}

	@Test
	void aTakedownRecordsWhoAndWhenOnceAndLeavesNothingToEdit() {
		Photo photo = store.insert(photo("b".repeat(64)));

		Photo gone = store.markTakenDown(photo.id(), "admin@example.com").orElseThrow();

		assertThat(gone.status()).isEqualTo(MediaStatus.TAKEN_DOWN);
		assertThat(gone.takenDownBy()).isEqualTo("admin@example.com");
		assertThat(gone.takenDownAt()).isEqualTo(store.now());
		assertThat(gone.updatedAt()).isEqualTo(store.now());
		assertThat(store.markTakenDown(photo.id(), "someone-else")).isEmpty();
		assertThat(store.updateActive(photo.id(), new Update().set(Photo.Fields.CAPTION, "back?"))).isEmpty();
		assertThat(store.findById(photo.id())).contains(gone);
	}

	@Test
	void theSameBytesAreStoredOnce() {
		Photo first = store.insert(photo("c".repeat(64)));

		assertThatThrownBy(() -> store.insert(photo("c".repeat(64)))).isInstanceOf(DuplicateKeyException.class);
		assertThat(store.findBySha256("c".repeat(64))).contains(first);
	}

	static Photo photo(String sha256) {
		return new Photo(null, "A caption", null, "AFP", "AFP", "afp", null, null, null, null, null, null, "image/jpeg",
				320, 240, 1, 1234, sha256, "file-" + sha256.charAt(0), MediaStatus.ACTIVE, UPLOADED, "editor", UPLOADED,
				null, null);
	}
}
