package org.newsroom.media.photo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.newsroom.media.MediaApiTest;
import org.newsroom.media.TestPhotos;

import static org.assertj.core.api.Assertions.assertThat;

/** The photo desk's listing: newest first, filtered by credit, source and caption text, in pages. */
class PhotoListingTest extends MediaApiTest {

	@Test
	void photosAreFilteredByCreditIgnoringCaseAndSeparatorSpacing() {
		String agency = "Agency" + unique();
		String wanted = upload(agency + "-Yonhap", null, "first");
		upload(agency + "-AFP", null, "second");
		List<String> found = ids(list("credit=" + agency.toUpperCase() + " / yonhap"));
		assertThat(found).containsExactly(wanted);
	}

	@Test
	void photosAreFilteredBySource() {
		String source = "Source " + unique();
		String wanted = upload("AFP", source, "with source");
		upload("AFP", "Other " + unique(), "other source");
		assertThat(ids(list("source=" + source.toLowerCase()))).containsExactly(wanted);
	}

	@Test
	void captionTextMatchesCaseInsensitivelyAndLiterally() {
		String word = "Frost" + unique();
		String wanted = upload("AFP", null, "Morning " + word + " on the Han (river) [2024]");
		upload("AFP", null, "Nothing to see");
		assertThat(ids(list("q=" + word.toLowerCase()))).containsExactly(wanted);
		assertThat(ids(list("q=" + word + " on the Han (river) [2024]"))).containsExactly(wanted);
		// regex syntax is text here: neither an error nor a match-everything
		http.get().uri("/api/media?q={q}", "(a+)+$").exchange().expectStatus().isOk();
		assertThat(ids(list("q=" + word + ".*"))).isEmpty();
	}

	/** A NUL cannot stand in a BSON regex as it is (issue 18's fuzzing found a 500 here). */
	@Test
	void searchTextWithControlCharactersIsMatchedLiterallyToo() {
		http.get().uri(java.net.URI.create("http://localhost:" + port + "/api/media?q=frost%00%01%7F"))
			.exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.items").isEmpty();
	}

	@Test
	void pagesAreNewestFirstAndStableWhileNewPhotosArrive() {
		String agency = "Paged" + unique();
		List<String> uploaded = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			uploaded.add(upload(agency, null, "photo " + i));
		}
		Map<?, ?> first = list("credit=" + agency + "&size=2");
		assertThat(ids(first)).containsExactly(uploaded.get(4), uploaded.get(3));
		String newest = upload(agency, null, "arrives between pages");
		Map<?, ?> second = list("credit=" + agency + "&size=2&cursor=" + first.get("nextCursor"));
		assertThat(ids(second)).containsExactly(uploaded.get(2), uploaded.get(1));
		Map<?, ?> third = list("credit=" + agency + "&size=2&cursor=" + second.get("nextCursor"));
		assertThat(ids(third)).containsExactly(uploaded.get(0));
		assertThat(third.get("nextCursor")).isNull();
		assertThat(ids(list("credit=" + agency + "&size=1"))).containsExactly(newest);
	}

	@Test
	void takenDownPhotosLeaveTheDefaultListing() {
		String agency = "Down" + unique();
		String kept = upload(agency, null, "kept");
		String gone = upload(agency, null, "gone");
		http.delete().uri("/api/media/{id}", gone)
			.header(org.springframework.http.HttpHeaders.AUTHORIZATION, bearer(identity.admin()))
			.exchange()
			.expectStatus().isNoContent();
		assertThat(ids(list("credit=" + agency))).containsExactly(kept);
		assertThat(ids(list("credit=" + agency + "&status=TAKEN_DOWN"))).containsExactly(gone);
	}

	@Test
	void badParametersAre400() {
		for (String query : List.of("size=0", "size=101", "size=ten", "cursor=not-a-cursor", "status=LOST",
				"q=" + "x".repeat(201))) {
			http.get().uri("/api/media?" + query).exchange()
				.expectStatus().isBadRequest()
				.expectHeader().contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON);
		}
	}

	private String upload(String credit, String source, String caption) {
		StringBuilder json = new StringBuilder("{\"credit\": \"").append(credit).append("\", \"caption\": \"")
			.append(caption).append('"');
		if (source != null) {
			json.append(", \"source\": \"").append(source).append('"');
		}
		json.append('}');
		return (String) uploaded(TestPhotos.jpeg(64, 48), json.toString()).get("id");
	}

	private Map<?, ?> list(String query) {
		return http.get().uri("/api/media?" + query).exchange()
			.expectStatus().isOk()
			.expectBody(Map.class).returnResult().getResponseBody();
	}

	private static List<String> ids(Map<?, ?> page) {
		return ((List<?>) page.get("items")).stream().map(item -> (String) ((Map<?, ?>) item).get("id")).toList();
	}

	private static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}
}
