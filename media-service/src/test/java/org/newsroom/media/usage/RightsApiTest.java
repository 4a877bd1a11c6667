package org.newsroom.media.usage;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.newsroom.media.MediaApiTest;
import org.newsroom.media.TestPhotos;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Usage rights as the article-service asks for them before publishing, and takedowns: the
 * record stays, the bytes go, and everything that served them says so.
 */
class RightsApiTest extends MediaApiTest {

	@Test
	void aCreditedPhotoWithoutExpiryIsUsable() {
		String id = uploadedId(TestPhotos.jpeg(320, 240));
		http.get().uri("/api/media/{id}/usage", id).exchange()
			.expectStatus().isOk()
			.expectHeader().contentType(MediaType.APPLICATION_JSON)
			.expectBody().json("{\"usable\": true, \"problems\": []}");
	}

	@Test
	void rightsThatExpiredMakeThePhotoUnusable() {
		String past = (String) uploaded(TestPhotos.jpeg(320, 240),
				"{\"credit\": \"AFP\", \"rightsExpireAt\": \"2020-06-30T00:00:00Z\"}").get("id");
		http.get().uri("/api/media/{id}/usage", past).exchange()
			.expectStatus().isOk()
			.expectBody().json("{\"usable\": false, \"problems\": [\"RIGHTS_EXPIRED\"]}");
		String future = (String) uploaded(TestPhotos.jpeg(320, 240),
				"{\"credit\": \"AFP\", \"rightsExpireAt\": \"2099-06-30T00:00:00Z\"}").get("id");
		http.get().uri("/api/media/{id}/usage", future).exchange()
			.expectBody().json("{\"usable\": true, \"problems\": []}");
	}

	@Test
	void usageOfAnUnknownPhotoIs404() {
		http.get().uri("/api/media/{id}/usage", "000000000000000000000000").exchange()
			.expectStatus().isNotFound()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
		http.get().uri("/api/media/{id}/usage", "not-an-id").exchange().expectStatus().isNotFound();
	}

	@Test
	void aTakedownRemovesTheBytesAndKeepsTheRecordSayingWhy() {
		Map<String, Object> photo = uploaded(TestPhotos.jpeg(900, 600), "{\"credit\": \"AFP\", \"caption\": \"Gone\"}");
		String id = (String) photo.get("id");
		String sha256 = (String) photo.get("sha256");
		rendition(id, "thumb");
		rendition(id, "og");
		assertThat(storedRenditionFiles(id)).isEqualTo(2);
		assertThat(storedOriginalFiles(sha256)).isEqualTo(1);

		http.delete().uri("/api/media/{id}", id).header(HttpHeaders.AUTHORIZATION, bearer(identity.admin()))
			.exchange()
			.expectStatus().isNoContent();

		assertThat(storedRenditionFiles(id)).isZero();
		assertThat(storedOriginalFiles(sha256)).isZero();
		assertThat(mongo.getCollection("renditions").countDocuments(new org.bson.Document("photoId", id))).isZero();
		http.get().uri("/api/media/{id}", id).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.status").isEqualTo("TAKEN_DOWN")
			.jsonPath("$.caption").isEqualTo("Gone")
			.jsonPath("$.renditions").isEmpty()
			.jsonPath("$.takenDownAt").exists();
		http.get().uri("/api/media/{id}/usage", id).exchange()
			.expectBody().json("{\"usable\": false, \"problems\": [\"TAKEN_DOWN\"]}");
		http.get().uri("/api/media/{id}/renditions/thumb", id).exchange()
			.expectStatus().isEqualTo(410)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.type").isEqualTo("urn:newsroom:problem:media-taken-down");
		http.get().uri("/api/media/{id}/renditions/medium", id).exchange().expectStatus().isEqualTo(410);
		http.get().uri("/api/media/{id}/original", id).header(HttpHeaders.AUTHORIZATION, bearer(identity.editor()))
			.exchange()
			.expectStatus().isEqualTo(410);
		http.patch().uri("/api/media/{id}", id)
			.header(HttpHeaders.AUTHORIZATION, bearer(identity.editor()))
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"caption\": \"back?\"}")
			.exchange()
			.expectStatus().isEqualTo(410);
	}

	@Test
	void aTakedownIsRepeatableAndUploadingTheSameBytesDoesNotBringThePhotoBack() {
		byte[] jpeg = TestPhotos.jpeg(320, 240);
		String id = uploadedId(jpeg);
		for (int i = 0; i < 2; i++) {
			http.delete().uri("/api/media/{id}", id).header(HttpHeaders.AUTHORIZATION, bearer(identity.admin()))
				.exchange()
				.expectStatus().isNoContent();
		}
		upload(jpeg, "{\"credit\": \"Yonhap\"}")
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.id").isEqualTo(id)
			.jsonPath("$.status").isEqualTo("TAKEN_DOWN");
	}

	@Test
	void onlyAdminsTakePhotosDown() {
		String id = uploadedId(TestPhotos.jpeg(320, 240));
		http.delete().uri("/api/media/{id}", id).exchange().expectStatus().isUnauthorized();
		http.delete().uri("/api/media/{id}", id).header(HttpHeaders.AUTHORIZATION, bearer(identity.editor()))
			.exchange()
			.expectStatus().isForbidden();
		http.delete().uri("/api/media/{id}", "000000000000000000000000")
			.header(HttpHeaders.AUTHORIZATION, bearer(identity.admin()))
			.exchange()
			.expectStatus().isNotFound();
		http.get().uri("/api/media/{id}/usage", id).exchange().expectBody().jsonPath("$.usable").isEqualTo(true);
	}
}
