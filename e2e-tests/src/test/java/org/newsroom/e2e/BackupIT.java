package org.newsroom.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The backup and restore drill on the running stack: back up while it runs, write more (a new
 * article, an edit, a new photo), restore, and find exactly the backed-up state, in the API and
 * in every collection of the three stores.
 */
@ExtendWith(LocalStack.class)
class BackupIT {

	@TempDir
	Path backups;

	@Test
	void aRestoreBringsBackExactlyWhatTheBackupHeldWhileThePlatformRan() throws IOException {
		String editor = Client.token("editor1");
		Client.Response kept = Client.send("POST", "/api/articles", editor, Drafts.article("Backup drill: the harbour wall").toString());
		assertThat(kept.status()).as(kept.toString()).isEqualTo(201);
		String keptId = kept.json().get("id").asString();
		Map<String, Long> before = counts();

		LocalStack.backUp(backups);
		assertThat(backups.resolve("article-service.zip")).isNotEmptyFile();
		assertThat(backups.resolve("media-service.zip")).isNotEmptyFile();
		assertThat(backups.resolve("ranking-service.zip")).isNotEmptyFile();

		Client.Response later = Client.send("POST", "/api/articles", editor, Drafts.article("Backup drill: written after").toString());
		assertThat(later.status()).isEqualTo(201);
		String laterId = later.json().get("id").asString();
		Client.Response edited = Client.sendIfMatch("PUT", "/api/articles/" + keptId, editor, kept.header("ETag"),
				Drafts.article("Backup drill: edited after").toString());
		assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
		Client.Response photo = Client.upload("/api/media", editor, NewsroomFlowIT.jpeg(333, 222), "after.jpg",
				"{\"credit\": \"Yonhap\"}");
		assertThat(photo.status()).as(photo.toString()).isEqualTo(201);
		assertThat(counts()).isNotEqualTo(before);

		LocalStack.restore(backups);

		assertThat(counts()).as("every collection of the three stores").isEqualTo(before);
		Client.Response restored = Client.get("/api/articles/" + keptId, editor);
		assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
		assertThat(restored.json().get("headline").asString()).isEqualTo("Backup drill: the harbour wall");
		assertThat(Client.get("/api/articles/" + laterId, editor).status()).isEqualTo(404);
		assertThat(Client.get("/api/media/" + photo.json().get("id").asString(), editor).status()).isEqualTo(404);
		// and the stores take writes again
		assertThat(Client.send("POST", "/api/articles", editor, Drafts.article("Backup drill: after the restore").toString())
			.status()).isEqualTo(201);
	}

	/** Documents per collection, in every store. */
	private static Map<String, Long> counts() {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String service : List.of("article-service", "media-service", "ranking-service")) {
			Stores.read(service, db -> {
				for (String collection : db.listCollectionNames()) {
					counts.put(service + "/" + collection, db.getCollection(collection).countDocuments());
				}
				return null;
			});
		}
		return counts;
	}
}
