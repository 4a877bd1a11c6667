package org.newsroom.media.photo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.newsroom.media.MediaApiTest;
import org.newsroom.media.TestPhotos;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the gateway's page cache follows: an edit of a photo's caption or credit and a takedown
 * are announced at /internal/changes (an upload is not: no page shows a photo before an article
 * names it). Readers' answers carry caching headers and ETags; editors' do not.
 */
class PhotoChangesTest extends MediaApiTest {

	@Test
	void editsAndTakedownsAreAnnouncedAndUploadsAreNot() {
		String id = (String) uploaded(TestPhotos.jpeg(640, 480), "{\"credit\": \"Reuters\", \"caption\": \"Dawn\"}").get("id");
		assertThat(changesOf(id)).isEmpty();

		http.patch().uri("/api/media/{id}", id).header(HttpHeaders.AUTHORIZATION, bearer(identity.editor()))
			.contentType(MediaType.valueOf("application/merge-patch+json")).body("{\"credit\": \"Reuters/Yonhap\"}")
			.exchange().expectStatus().isOk();
		http.delete().uri("/api/media/{id}", id).header(HttpHeaders.AUTHORIZATION, bearer(identity.admin()))
			.exchange().expectStatus().isNoContent();

		assertThat(changesOf(id)).extracting(change -> (Object) change.get("visible")).containsExactly(true, false);
		assertThat(changesOf(id)).allSatisfy(change -> assertThat(change.get("kind")).isEqualTo("photo"));
	}

	@Test
	void aReaderGetsCachingHeadersAndAnETagAndAnEditorGetsNeither() {
		String id = (String) uploaded(TestPhotos.jpeg(640, 482), "{\"credit\": \"AFP\"}").get("id");
		String etag = http.get().uri("/api/media/{id}", id).exchange().expectStatus().isOk()
			.expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL,
					"max-age=60, public, stale-if-error=300, stale-while-revalidate=60")
			.returnResult(String.class).getResponseHeaders().getETag();
		assertThat(etag).isNotBlank();
		http.get().uri("/api/media/{id}", id).header(HttpHeaders.IF_NONE_MATCH, etag).exchange()
			.expectStatus().isNotModified();
		http.get().uri("/api/media/{id}", id).header(HttpHeaders.AUTHORIZATION, bearer(identity.editor())).exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store, private")
			.expectHeader().doesNotExist(HttpHeaders.ETAG);
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> changesOf(String id) {
		Map<String, Object> feed = http.get().uri("/internal/changes").exchange().expectStatus().isOk()
			.expectBody(Map.class).returnResult().getResponseBody();
		return ((List<Map<String, Object>>) feed.get("changes")).stream()
			.filter(change -> id.equals(change.get("subject")))
			.toList();
	}
}
