package org.newsroom.article.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.newsroom.article.ArticleServiceTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lists with filters and cursors, search in English and Korean, and the summaries batch. Each
 * test tags or words its own articles, since the store is shared with other test classes.
 */
class ListingAndSearchTest extends ArticleServiceTest {

	@Autowired
	MongoTemplate mongo;

	@Test
	void listsAreNewestFirstAndFilteredBySectionTagSourceAndAuthor() {
		String older = createPublished("{\"headline\": \"Filter one\", \"section\": \"sports\", \"tags\": [\"filtertest\"], \"source\": \"Yonhap\", \"byline\": [\"Park Soo-jin\"]}");
		String newer = createPublished("{\"headline\": \"Filter two\", \"section\": \"sports\", \"tags\": [\"filtertest\"], \"source\": \"AFP\"}");
		create("{\"headline\": \"Filter draft\", \"section\": \"sports\", \"tags\": [\"filtertest\"]}");
		assertThat(ids("/api/articles?tag=filtertest")).containsExactly(newer, older);
		assertThat(ids("/api/articles?tag=filtertest&source=Yonhap")).containsExactly(older);
		assertThat(ids("/api/articles?tag=filtertest&author=Park Soo-jin")).containsExactly(older);
		assertThat(ids("/api/articles?tag=filtertest&section=tech")).isEmpty();
	}

	@Test
	void theCursorIsStableWhenArticlesArePublishedWhileReadersPage() {
		List<String> published = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			published.add(0, createPublished("{\"headline\": \"Paging story " + i + "\", \"section\": \"tech\", \"tags\": [\"pagingtest\"]}"));
		}
		Map<?, ?> first = page("/api/articles?tag=pagingtest&size=2");
		assertThat(idsOf(first)).containsExactly(published.get(0), published.get(1));
		// two articles appear at the top while the reader is on page one
		createPublished("{\"headline\": \"Paging story late 1\", \"section\": \"tech\", \"tags\": [\"pagingtest\"]}");
		createPublished("{\"headline\": \"Paging story late 2\", \"section\": \"tech\", \"tags\": [\"pagingtest\"]}");
		Map<?, ?> second = page("/api/articles?tag=pagingtest&size=2&cursor=" + first.get("nextCursor"));
		assertThat(idsOf(second)).containsExactly(published.get(2), published.get(3));
		Map<?, ?> third = page("/api/articles?tag=pagingtest&size=2&cursor=" + second.get("nextCursor"));
		assertThat(idsOf(third)).containsExactly(published.get(4));
		assertThat(third.get("nextCursor")).isNull();
	}

	@Test
	void badParametersAre400NamingTheParameter() {
		expect400("/api/articles?size=0", "size");
		expect400("/api/articles?size=-5", "size");
		expect400("/api/articles?size=101", "size");
		expect400("/api/articles?size=99999999999999999999", "size");
		expect400("/api/articles?size=ten", "size");
		expect400("/api/articles?cursor=not-a-cursor", "cursor");
		expect400("/api/articles?cursor=bC4xNzAwMDAwMDAwMDAwLnh5eg", "cursor");
		expect400("/api/articles?section=astrology", "section");
		expect400("/api/articles?section[$ne]=world", "section[$ne]");
		expect400("/api/articles?tag=$gt", "tag");
		expect400("/api/articles?source=$where", "source");
		expect400("/api/articles?sort=-1", "sort");
		expect400("/api/articles?tag=a&tag=b", "tag");
		expect400("/api/articles?q=" + "x".repeat(201), "q");
	}

	@Test
	void aListCursorIsNotASearchCursor() {
		createPublished("{\"headline\": \"Cursor kind one\", \"section\": \"tech\", \"tags\": [\"cursorkind\"]}");
		createPublished("{\"headline\": \"Cursor kind two\", \"section\": \"tech\", \"tags\": [\"cursorkind\"]}");
		Object cursor = page("/api/articles?tag=cursorkind&size=1").get("nextCursor");
		expect400("/api/articles?q=cursor&cursor=" + cursor, "cursor");
	}

	@Test
	void statusFiltersAreForEditors() {
		String draft = create("{\"headline\": \"Status filter draft\", \"section\": \"tech\", \"tags\": [\"statustest\"]}");
		http.get().uri("/api/articles?status=DRAFT").exchange().expectStatus().isUnauthorized();
		http.get().uri("/api/articles?status=DRAFT").header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.reader())
			.exchange().expectStatus().isForbidden();
		assertThat(idsOf(getAsEditor("/api/articles?tag=statustest&status=DRAFT").expectStatus().isOk()
			.expectBody(Map.class).returnResult().getResponseBody())).containsExactly(draft);
		getAsEditor("/api/articles?status=LIVE").expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("status");
		assertThat(ids("/api/articles?tag=statustest")).isEmpty();
	}

	@Test
	void englishSearchMatchesStemmedForms() {
		String elected = createPublished("""
				{"headline": "Voters elected a new mayor", "section": "national",
				 "body": [{"type": "paragraph", "text": "The **elected** mayor promised cheaper housing."}]}""");
		String running = createPublished("{\"headline\": \"Mayor is running for a second term\", \"section\": \"national\"}");
		assertThat(ids("/api/articles?q=elections")).contains(elected).doesNotContain(running);
		assertThat(ids("/api/articles?q=Runs")).contains(running);
		assertThat(ids("/api/articles?q=housings")).contains(elected);
		assertThat(ids("/api/articles?q=the")).isEmpty();
	}

	@Test
	void koreanSearchIgnoresParticlesAndEndings() {
		String snow = createPublished("""
				{"headline": "서울에서 첫눈이 내렸다", "section": "national", "language": "ko",
				 "body": [{"type": "paragraph", "text": "기상청은 서울의 적설량이 1cm라고 밝혔다."}]}""");
		String busan = createPublished("{\"headline\": \"부산 해운대에 관광객 몰려\", \"section\": \"national\", \"language\": \"ko\"}");
		assertThat(ids("/api/articles?q=서울")).contains(snow).doesNotContain(busan);
		assertThat(ids("/api/articles?q=기상청이")).contains(snow);
		assertThat(ids("/api/articles?q=해운대의 관광객")).containsExactly(busan);
	}

	@Test
	void resultsAreRankedByMatchedTermsThenRecencyAndPageWithACursor() {
		String both = createPublished("{\"headline\": \"Glacier melt and drought in the Andes\", \"section\": \"world\"}");
		String oneOld = createPublished("{\"headline\": \"Glacier tours resume\", \"section\": \"world\"}");
		String oneNew = createPublished("{\"headline\": \"Drought hits farmers\", \"section\": \"world\"}");
		Map<?, ?> first = page("/api/articles?q=glaciers droughts&size=2");
		assertThat(idsOf(first)).containsExactly(both, oneNew);
		Map<?, ?> second = page("/api/articles?q=glaciers droughts&size=2&cursor=" + first.get("nextCursor"));
		assertThat(idsOf(second)).containsExactly(oneOld);
		assertThat(second.get("nextCursor")).isNull();
	}

	@Test
	void searchFollowsEditsAndShowsReadersPublishedArticlesOnly() {
		String id = create("{\"headline\": \"Volcano quiet\", \"section\": \"world\"}");
		assertThat(ids("/api/articles?q=volcano")).doesNotContain(id);
		publish(id).expectStatus().isOk();
		assertThat(ids("/api/articles?q=volcano")).contains(id);
		http.put().uri("/api/articles/{id}", id).header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.editor())
			.header(HttpHeaders.IF_MATCH, "\"1\"").contentType(MediaType.APPLICATION_JSON)
			.body("{\"headline\": \"Geyser erupts\", \"section\": \"world\"}").exchange().expectStatus().isOk();
		assertThat(ids("/api/articles?q=volcano")).doesNotContain(id);
		assertThat(ids("/api/articles?q=geysers")).contains(id);
	}

	@Test
	void summariesComeInTheOrderAskedWithUnpublishedAndUnknownIdsLeftOut() {
		String a = createPublished("{\"headline\": \"Summary A\", \"section\": \"tech\", \"leadMediaId\": null}");
		String b = createPublished("{\"headline\": \"Summary B\", \"section\": \"business\"}");
		String draft = create("Summary draft", "tech");
		http.get().uri("/api/articles/summaries?ids={ids}", b + "," + draft + ",aaaaaaaaaaaaaaaaaaaaaaac," + a).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.items.length()").isEqualTo(2)
			.jsonPath("$.items[0].id").isEqualTo(b)
			.jsonPath("$.items[0].slug").isEqualTo("summary-b")
			.jsonPath("$.items[0].headline").isEqualTo("Summary B")
			.jsonPath("$.items[0].section").isEqualTo("business")
			.jsonPath("$.items[0].firstPublishedAt").isNotEmpty()
			.jsonPath("$.items[1].id").isEqualTo(a);
		StringBuilder many = new StringBuilder();
		for (int i = 0; i < 101; i++) {
			many.append(i == 0 ? "" : ",").append(String.format("%024x", i));
		}
		expect400("/api/articles/summaries?ids=" + many, "ids");
		expect400("/api/articles/summaries?ids=abc", "ids");
		expect400("/api/articles/summaries", "ids");
	}

	@Test
	void editorsFindEveryArticleShowingAPhotoAsLeadOrInTheBodyInEveryStatus() {
		String photo = "6752c1e0a4b2c93d1f0e4a51";
		String other = "6752c1e0a4b2c93d1f0e4a52";
		photoUsable(photo);
		photoUsable(other);
		String lead = createPublished("{\"headline\": \"Photo user lead\", \"section\": \"world\", \"leadMediaId\": \"" + photo + "\"}");
		String inBody = create("""
				{"headline": "Photo user body", "section": "world", "leadMediaId": "%s",
				 "body": [{"type": "paragraph", "text": "First."}, {"type": "image", "mediaId": "%s"}]}""".formatted(other, photo));
		String withdrawn = createPublished("{\"headline\": \"Photo user withdrawn\", \"section\": \"world\", \"leadMediaId\": \"" + photo + "\"}");
		http.post().uri("/api/articles/{id}/withdraw", withdrawn).header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.editor())
			.exchange().expectStatus().isOk();
		String unrelated = create("{\"headline\": \"Photo user other\", \"section\": \"world\", \"leadMediaId\": \"" + other + "\"}");

		Map<?, ?> all = getAsEditor("/api/articles?media={id}", photo).expectStatus().isOk()
			.expectBody(Map.class).returnResult().getResponseBody();
		// newest first (a draft is listed by creation, the others by first publication)
		assertThat(idsOf(all)).containsExactly(withdrawn, inBody, lead);
		assertThat(((List<?>) all.get("items")).stream().map(item -> String.valueOf(((Map<?, ?>) item).get("status"))).toList())
			.containsExactly("WITHDRAWN", "DRAFT", "PUBLISHED");
		assertThat(idsOf(getAsEditor("/api/articles?media={id}&status=DRAFT", photo).expectStatus().isOk()
			.expectBody(Map.class).returnResult().getResponseBody())).containsExactly(inBody);
		assertThat(idsOf(getAsEditor("/api/articles?media={id}", other).expectStatus().isOk()
			.expectBody(Map.class).returnResult().getResponseBody())).containsExactlyInAnyOrder(inBody, unrelated);

		Map<?, ?> first = getAsEditor("/api/articles?media={id}&size=2", photo).expectStatus().isOk()
			.expectBody(Map.class).returnResult().getResponseBody();
		Map<?, ?> second = getAsEditor("/api/articles?media={id}&size=2&cursor={c}", photo, first.get("nextCursor"))
			.expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
		assertThat(idsOf(first)).hasSize(2);
		assertThat(second.get("nextCursor")).isNull();
		List<String> paged = new ArrayList<>(idsOf(first));
		paged.addAll(idsOf(second));
		assertThat(paged).isEqualTo(idsOf(all));
	}

	@Test
	void whichArticlesShowAPhotoIsForEditors() {
		String photo = "6752c1e0a4b2c93d1f0e4a53";
		photoUsable(photo);
		createPublished("{\"headline\": \"Photo reader check\", \"section\": \"world\", \"leadMediaId\": \"" + photo + "\"}");
		http.get().uri("/api/articles?media={id}", photo).exchange().expectStatus().isUnauthorized();
		http.get().uri("/api/articles?media={id}", photo).header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.reader())
			.exchange().expectStatus().isForbidden();
		getAsEditor("/api/articles?media=not-a-photo").expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("media");
		getAsEditor("/api/articles?media={id}&media={id}", photo, photo).expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("media");
	}

	@Test
	void bothWaysOfShowingAPhotoAreIndexedForTheLookUp() {
		Map<String, Document> keys = new HashMap<>();
		for (Document index : mongo.getCollection("articles").listIndexes()) {
			keys.put(index.getString("name"), index.get("key", Document.class));
		}
		assertThat(keys.get("by_lead_photo")).isEqualTo(
				new Document("content.leadMediaId", 1).append("listedAt", -1).append("_id", -1));
		assertThat(keys.get("by_body_photo")).isEqualTo(
				new Document("content.body.mediaId", 1).append("listedAt", -1).append("_id", -1));
	}

	private void expect400(String uri, String field) {
		String body = http.get().uri(uri).exchange().expectStatus().isBadRequest()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(String.class).returnResult().getResponseBody();
		assertProblemJson(body);
		assertThat(body).as(uri).contains("\"field\":\"" + field + "\"");
	}

	private List<String> ids(String uri) {
		return idsOf(page(uri));
	}

	private Map<?, ?> page(String uri) {
		return http.get().uri(uri).exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
	}

	private static List<String> idsOf(Map<?, ?> page) {
		return ((List<?>) page.get("items")).stream().map(item -> ((Map<?, ?>) item).get("id").toString()).toList();
	}
}
