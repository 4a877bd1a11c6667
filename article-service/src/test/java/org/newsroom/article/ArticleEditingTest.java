package org.newsroom.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Editing with ETag/If-Match, slugs, corrections, withdrawal, deletion and the revision history. */
class ArticleEditingTest extends ArticleServiceTest {

	@Test
	void anUpdateWithoutIfMatchIs428AndChangesNothing() {
		String id = create("Port strike enters third day", "business");
		put(id, null, "{\"headline\": \"Port strike ends\", \"section\": \"business\"}")
			.expectStatus().isEqualTo(428)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.type").isEqualTo("urn:newsroom:problem:precondition-required")
			.jsonPath("$.errors[0].field").isEqualTo("If-Match");
		put(id, "*", "{\"headline\": \"Port strike ends\", \"section\": \"business\"}").expectStatus().isEqualTo(428);
		assertThat(articleAsEditor(id).get("headline")).isEqualTo("Port strike enters third day");
	}

	@Test
	void aStaleIfMatchIs412AndTheCurrentVersionIsNamed() {
		String id = create("Rail fares to rise", "business");
		put(id, "\"0\"", "{\"headline\": \"Rail fares to rise in March\", \"section\": \"business\"}")
			.expectStatus().isOk()
			.expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
			.expectBody().jsonPath("$.headline").isEqualTo("Rail fares to rise in March").jsonPath("$.version").isEqualTo(1);
		put(id, "\"0\"", "{\"headline\": \"Rail fares frozen\", \"section\": \"business\"}")
			.expectStatus().isEqualTo(412)
			.expectBody().jsonPath("$.type").isEqualTo("urn:newsroom:problem:stale-version")
			.jsonPath("$.currentVersion").isEqualTo(1);
		assertThat(articleAsEditor(id).get("headline")).isEqualTo("Rail fares to rise in March");
	}

	@Test
	void twoEditorsSavingTheSameVersionAtOnceNeverOverwriteEachOther() throws Exception {
		String id = create("Budget vote scheduled", "national");
		int editors = 6;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(editors);
		List<Future<Integer>> results = new ArrayList<>();
		for (int i = 0; i < editors; i++) {
			String headline = "Budget vote scheduled, edit " + i;
			Callable<Integer> save = () -> {
				start.await();
				return put(id, "\"0\"", "{\"headline\": \"" + headline + "\", \"section\": \"national\"}")
					.returnResult(String.class).getStatus().value();
			};
			results.add(pool.submit(save));
		}
		start.countDown();
		List<Integer> statuses = new ArrayList<>();
		for (Future<Integer> result : results) {
			statuses.add(result.get());
		}
		pool.shutdown();
		assertThat(statuses).containsOnly(200, 412);
		assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
		Map<?, ?> stored = articleAsEditor(id);
		assertThat(stored.get("version")).isEqualTo(1);
		List<?> history = revisions(id);
		assertThat(history).hasSize(2);
	}

	@Test
	void whatAGetAnswersIsAcceptedBackByAPutAndChangesNothing() {
		String id = create("""
				{"headline": "Typhoon turns north", "deck": "Ferries stay in port", "summary": "The storm weakens.",
				 "section": "national", "tags": ["weather", "태풍"], "byline": ["Kim Min-ji"], "source": "Yonhap",
				 "dateline": "BUSAN", "language": "en", "leadMediaId": "6752c1e0a4b2c93d1f0e4a11",
				 "body": [{"type": "paragraph", "text": "Winds **eased** overnight."},
				          {"type": "heading", "text": "At the port"},
				          {"type": "quote", "text": "We wait.", "attribution": "A ferry captain"},
				          {"type": "image", "mediaId": "6752c1e0a4b2c93d1f0e4a12", "caption": "The harbour"},
				          {"type": "embed", "url": "https://example.com/map"}]}""");
		String answered = getAsEditor("/api/articles/{id}", id).expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		Map<?, ?> before = articleAsEditor(id);

		put(id, "\"0\"", answered).expectStatus().isOk();

		Map<?, ?> after = articleAsEditor(id);
		for (String field : List.of("headline", "deck", "summary", "section", "tags", "byline", "source", "dateline",
				"language", "leadMediaId", "body")) {
			assertThat(after.get(field)).as(field).isEqualTo(before.get(field));
		}
		for (Object block : (List<?>) after.get("body")) {
			assertThat(((Map<?, ?>) block).containsKey("image")).as("a stray \"image\" in " + block).isFalse();
		}
	}

	@Test
	void fieldsOnlyTheServiceSetsMayComeBackButNotChanged() {
		String id = create("Bridge reopens", "national");
		String body = "{\"headline\": \"Bridge reopens early\", \"section\": \"national\", ";
		put(id, "\"0\"", body + "\"status\": \"PUBLISHED\"}").expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("status");
		put(id, "\"0\"", body + "\"id\": \"6752c1e0a4b2c93d1f0e4a11\"}").expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("id");
		put(id, "\"0\"", body + "\"slug\": \"my-own-slug\"}").expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("slug");
		put(id, "\"0\"", body + "\"version\": 7}").expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("version");
		put(id, "\"0\"", body + "\"seo\": {\"$where\": \"1\"}, \"nonsense\": 1}").expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("nonsense");
		assertThat(articleAsEditor(id).get("headline")).isEqualTo("Bridge reopens");
		assertThat(version(id)).isZero();

		put(id, "\"0\"", body + "\"status\": \"DRAFT\", \"version\": 0, \"id\": \"" + id + "\"}").expectStatus().isOk();
		// an editor whose copy is older than the article gets the conflict, whatever else differs
		put(id, "\"0\"", body + "\"status\": \"PUBLISHED\"}").expectStatus().isEqualTo(412);
	}

	@Test
	void theSlugFollowsTheHeadlineUntilFirstPublicationThenStays() {
		String id = create("Typhoon nears Jeju", "national");
		put(id, "\"0\"", "{\"headline\": \"Typhoon Khanun nears Jeju\", \"section\": \"national\"}").expectStatus().isOk()
			.expectBody().jsonPath("$.slug").isEqualTo("typhoon-khanun-nears-jeju");
		publish(id).expectStatus().isOk();
		put(id, "\"2\"", "{\"headline\": \"Typhoon Khanun makes landfall on Jeju\", \"section\": \"national\"}")
			.expectStatus().isOk()
			.expectBody().jsonPath("$.slug").isEqualTo("typhoon-khanun-nears-jeju")
			.jsonPath("$.status").isEqualTo("PUBLISHED");
		http.get().uri("/api/articles/slug/typhoon-khanun-nears-jeju").exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.headline").isEqualTo("Typhoon Khanun makes landfall on Jeju");
	}

	@Test
	void correctionsAreAppendedWithTimeAndShownToReaders() {
		String id = createPublished("{\"headline\": \"Mayor opens new bridge\", \"section\": \"national\"}");
		correct(id, "{\"text\": \"An earlier version misstated the bridge's length. It is 1.2 km.\"}")
			.expectStatus().isCreated()
			.expectBody().jsonPath("$.corrections[0].text").isEqualTo("An earlier version misstated the bridge's length. It is 1.2 km.")
			.jsonPath("$.corrections[0].at").isNotEmpty();
		correct(id, "{\"text\": \"The mayor's name is spelled Park.\"}").expectStatus().isCreated();
		http.get().uri("/api/articles/{id}", id).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.corrections.length()").isEqualTo(2)
			.jsonPath("$.corrections[1].text").isEqualTo("The mayor's name is spelled Park.");
		correct(id, "{\"text\": \"\"}").expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].field").isEqualTo("text");
		String draft = create("Draft cannot be corrected", "national");
		correct(draft, "{\"text\": \"nothing\"}").expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.type").isEqualTo("urn:newsroom:problem:invalid-state");
	}

	@Test
	void withdrawingHidesTheArticleFromReadersAndItCanBeEditedAndRepublished() {
		String id = createPublished("{\"headline\": \"Withdrawn story about a merger\", \"section\": \"business\"}");
		String firstPublished = articleAsEditor(id).get("firstPublishedAt").toString();
		withdraw(id).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("WITHDRAWN");
		http.get().uri("/api/articles/{id}", id).exchange().expectStatus().isEqualTo(410)
			.expectBody().jsonPath("$.type").isEqualTo("urn:newsroom:problem:article-withdrawn");
		String slug = articleAsEditor(id).get("slug").toString();
		http.get().uri("/api/articles/slug/{slug}", slug).exchange().expectStatus().isEqualTo(410);
		put(id, "\"2\"", "{\"headline\": \"Withdrawn story about a merger, corrected\", \"section\": \"business\"}")
			.expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("WITHDRAWN");
		publish(id).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("PUBLISHED")
			.jsonPath("$.firstPublishedAt").isEqualTo(firstPublished);
		withdraw(create("Never published", "business")).expectStatus().isEqualTo(409);
	}

	@Test
	void revisionsSayWhoChangedWhatWhenAndThePreviousValues() {
		String id = create("{\"headline\": \"Heatwave grips south\", \"section\": \"national\", \"tags\": [\"weather\"]}");
		put(id, "\"0\"", "{\"headline\": \"Heatwave grips the south\", \"section\": \"national\", \"tags\": [\"weather\", \"heat\"]}")
			.expectStatus().isOk();
		publish(id).expectStatus().isOk();
		getAsEditor("/api/articles/{id}/revisions", id).expectStatus().isOk()
			.expectBody()
			.jsonPath("$.articleId").isEqualTo(id)
			.jsonPath("$.complete").isEqualTo(true)
			.jsonPath("$.items.length()").isEqualTo(3)
			.jsonPath("$.items[0].action").isEqualTo("published")
			.jsonPath("$.items[0].version").isEqualTo(2)
			.jsonPath("$.items[0].by").isEqualTo("editor1")
			.jsonPath("$.items[0].changes[?(@.field == 'status')].previous").isEqualTo(List.of("DRAFT"))
			.jsonPath("$.items[1].action").isEqualTo("updated")
			.jsonPath("$.items[1].at").isNotEmpty()
			.jsonPath("$.items[1].changes[0].field").isEqualTo("slug")
			.jsonPath("$.items[1].changes[0].previous").isEqualTo("heatwave-grips-south")
			.jsonPath("$.items[1].changes[1].field").isEqualTo("headline")
			.jsonPath("$.items[1].changes[1].previous").isEqualTo("Heatwave grips south")
			.jsonPath("$.items[1].changes[2].field").isEqualTo("tags")
			.jsonPath("$.items[1].changes[2].previous[0]").isEqualTo("weather")
			.jsonPath("$.items[2].action").isEqualTo("created")
			.jsonPath("$.items[2].version").isEqualTo(0);
	}

	@Test
	void revisionsAreForEditorsOnly() {
		String id = createPublished("{\"headline\": \"Public story with private history\", \"section\": \"national\"}");
		http.get().uri("/api/articles/{id}/revisions", id).exchange().expectStatus().isUnauthorized()
			.expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, v -> assertThat(v).startsWith("Bearer"));
		http.get().uri("/api/articles/{id}/revisions", id).header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.reader())
			.exchange().expectStatus().isForbidden().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
		getAsEditor("/api/articles/{id}/revisions", "aaaaaaaaaaaaaaaaaaaaaaab").expectStatus().isNotFound();
	}

	@Test
	void onlyAdminsDeleteAndTheHistoryRecordsTheDeletion() {
		String id = createPublished("{\"headline\": \"Story to be deleted\", \"section\": \"culture\"}");
		http.delete().uri("/api/articles/{id}", id).header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.editor())
			.exchange().expectStatus().isForbidden();
		http.delete().uri("/api/articles/{id}", id).header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.admin())
			.exchange().expectStatus().isNoContent();
		http.get().uri("/api/articles/{id}", id).exchange().expectStatus().isNotFound();
		http.delete().uri("/api/articles/{id}", id).header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.admin())
			.exchange().expectStatus().isNotFound();
		getAsEditor("/api/articles/{id}/revisions", id).expectStatus().isOk()
			.expectBody().jsonPath("$.items[0].action").isEqualTo("deleted").jsonPath("$.items[0].by").isEqualTo("admin1");
		create("Story to be deleted", "culture");
	}

	@Test
	void readersGetNotModifiedForTheVersionTheyHave() {
		String id = createPublished("{\"headline\": \"Cacheable story\", \"section\": \"tech\"}");
		http.get().uri("/api/articles/{id}", id).header(HttpHeaders.IF_NONE_MATCH, "\"1\"").exchange()
			.expectStatus().isNotModified();
		http.get().uri("/api/articles/{id}", id).header(HttpHeaders.IF_NONE_MATCH, "\"0\"").exchange()
			.expectStatus().isOk();
	}

	private RestTestClient.ResponseSpec put(String id, String ifMatch, String json) {
		RestTestClient.RequestBodySpec request = http.put().uri("/api/articles/{id}", id)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.editor())
			.contentType(MediaType.APPLICATION_JSON);
		if (ifMatch != null) {
			request.header(HttpHeaders.IF_MATCH, ifMatch);
		}
		return request.body(json).exchange();
	}

	private RestTestClient.ResponseSpec correct(String id, String json) {
		return http.post().uri("/api/articles/{id}/corrections", id)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.editor())
			.contentType(MediaType.APPLICATION_JSON).body(json).exchange();
	}

	private RestTestClient.ResponseSpec withdraw(String id) {
		return http.post().uri("/api/articles/{id}/withdraw", id)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.editor()).exchange();
	}

	private List<?> revisions(String id) {
		Map<?, ?> history = getAsEditor("/api/articles/{id}/revisions", id).expectStatus().isOk()
			.expectBody(Map.class).returnResult().getResponseBody();
		return (List<?>) history.get("items");
	}
}
