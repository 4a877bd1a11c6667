package org.newsroom.article;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** The content model: the §5 JSON, body blocks, inline markup, limits, and bad input of every kind. */
class ArticleContentTest extends ArticleServiceTest {

	static final String LEAD = "65a1b2c3d4e5f60718293a4b";
	static final String INLINE = "65a1b2c3d4e5f60718293a4c";

	@Autowired
	MongoTemplate mongo;

	@Test
	void aPublishedArticleCarriesEveryFieldOfTheContract() {
		photoUsable(LEAD);
		photoUsable(INLINE);
		String related = create("Earlier: talks stall in Doha", "world");
		String id = createPublished("""
				{"headline": "Ceasefire holds as envoys meet in Cairo", "deck": "A second day of calm",
				 "summary": "Envoys met for a second day.", "section": "world", "tags": ["Middle East", "diplomacy"],
				 "byline": ["Kim Ji-won", "Lee Min-ho"], "source": "AFP", "dateline": "CAIRO", "language": "en",
				 "leadMediaId": "%s", "relatedIds": ["%s"],
				 "body": [
				   {"type": "paragraph", "text": "Talks **resumed** on *Monday*, said [the ministry](https://example.gov/press)."},
				   {"type": "heading", "text": "What comes next"},
				   {"type": "quote", "text": "We are hopeful.", "attribution": "A senior envoy"},
				   {"type": "image", "mediaId": "%s", "caption": "Envoys arrive"},
				   {"type": "embed", "url": "https://www.youtube.com/watch?v=abc"}
				 ]}
				""".formatted(LEAD, related, INLINE));
		http.get().uri("/api/articles/{id}", id).exchange().expectStatus().isOk()
			.expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
			.expectBody()
			.jsonPath("$.id").isEqualTo(id)
			.jsonPath("$.slug").isEqualTo("ceasefire-holds-as-envoys-meet-in-cairo")
			.jsonPath("$.deck").isEqualTo("A second day of calm")
			.jsonPath("$.tags[0]").isEqualTo("Middle East")
			.jsonPath("$.byline[1]").isEqualTo("Lee Min-ho")
			.jsonPath("$.source").isEqualTo("AFP")
			.jsonPath("$.dateline").isEqualTo("CAIRO")
			.jsonPath("$.language").isEqualTo("en")
			.jsonPath("$.leadMediaId").isEqualTo(LEAD)
			.jsonPath("$.relatedIds[0]").isEqualTo(related)
			.jsonPath("$.status").isEqualTo("PUBLISHED")
			.jsonPath("$.firstPublishedAt").isNotEmpty()
			.jsonPath("$.updatedAt").isNotEmpty()
			.jsonPath("$.version").isEqualTo(1)
			.jsonPath("$.corrections").isEmpty()
			.jsonPath("$.body[0].text").isEqualTo("Talks **resumed** on *Monday*, said [the ministry](https://example.gov/press).")
			.jsonPath("$.body[2].attribution").isEqualTo("A senior envoy")
			.jsonPath("$.body[3].mediaId").isEqualTo(INLINE)
			.jsonPath("$.body[3].text").doesNotExist()
			.jsonPath("$.body[4].url").isEqualTo("https://www.youtube.com/watch?v=abc")
			.jsonPath("$.links.self").isEqualTo("https://news.example.com/api/articles/" + id)
			.jsonPath("$.links.web").isEqualTo("https://news.example.com/news/ceasefire-holds-as-envoys-meet-in-cairo")
			.jsonPath("$.share.facebook").isEqualTo("https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fnews.example.com%2Fnews%2Fceasefire-holds-as-envoys-meet-in-cairo")
			.jsonPath("$.share.x").isEqualTo("https://x.com/intent/post?url=https%3A%2F%2Fnews.example.com%2Fnews%2Fceasefire-holds-as-envoys-meet-in-cairo&text=Ceasefire%20holds%20as%20envoys%20meet%20in%20Cairo")
			.jsonPath("$.share.email").value(String.class, v -> assertThat(v).startsWith("mailto:?subject=Ceasefire%20holds")
				.contains("body=Envoys%20met%20for%20a%20second%20day.%0A%0Ahttps%3A%2F%2Fnews.example.com%2Fnews%2Fceasefire"))
			.jsonPath("$.share.link").isEqualTo("https://news.example.com/news/ceasefire-holds-as-envoys-meet-in-cairo")
			.jsonPath("$.share.kakao.appKey").isEqualTo("kakao-test-key")
			.jsonPath("$.share.kakao.imageUrl").isEqualTo("https://news.example.com/api/media/" + LEAD + "/renditions/og")
			.jsonPath("$.seo.title").isEqualTo("Ceasefire holds as envoys meet in Cairo")
			.jsonPath("$.seo.description").isEqualTo("Envoys met for a second day.")
			.jsonPath("$.seo.canonicalUrl").isEqualTo("https://news.example.com/news/ceasefire-holds-as-envoys-meet-in-cairo")
			.jsonPath("$.seo.ogImage").isEqualTo("https://news.example.com/api/media/" + LEAD + "/renditions/og")
			.jsonPath("$.seo.jsonLd['@type']").isEqualTo("NewsArticle")
			.jsonPath("$.seo.jsonLd.headline").isEqualTo("Ceasefire holds as envoys meet in Cairo")
			.jsonPath("$.seo.jsonLd.image[0]").isEqualTo("https://news.example.com/api/media/" + LEAD + "/renditions/og")
			.jsonPath("$.seo.jsonLd.datePublished").isNotEmpty()
			.jsonPath("$.seo.jsonLd.dateModified").isNotEmpty()
			.jsonPath("$.seo.jsonLd.author[0].name").isEqualTo("Kim Ji-won")
			.jsonPath("$.seo.jsonLd.publisher.name").isEqualTo("The Example Daily")
			.jsonPath("$.publishingProblem").doesNotExist();
	}

	@Test
	void aKoreanSlugIsPercentEncodedInLinks() {
		String id = create("부산 불꽃축제 백만 명 몰려", "national");
		getAsEditor("/api/articles/{id}", id).expectBody()
			.jsonPath("$.slug").isEqualTo("부산-불꽃축제-백만-명-몰려")
			.jsonPath("$.links.web").isEqualTo("https://news.example.com/news/%EB%B6%80%EC%82%B0-%EB%B6%88%EA%BD%83%EC%B6%95%EC%A0%9C-%EB%B0%B1%EB%A7%8C-%EB%AA%85-%EB%AA%B0%EB%A0%A4");
	}

	@Test
	void linksInTextMustBeHttpOrHttps() {
		postAsEditor("""
				{"headline": "Bad link", "section": "world",
				 "body": [{"type": "paragraph", "text": "Click [here](javascript:alert(1))"}]}""")
			.expectStatus().isEqualTo(422)
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("body[0].text")
			.jsonPath("$.errors[0].message").value(String.class, m -> assertThat(m).contains("http"));
		postAsEditor("""
				{"headline": "Bad embed", "section": "world", "body": [{"type": "embed", "url": "file:///etc/passwd"}]}""")
			.expectStatus().isEqualTo(422)
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("body[0].url");
	}

	@Test
	void htmlIsKeptAsTextNeverAsMarkup() {
		String id = create("""
				{"headline": "<script>alert(1)</script> Headline", "section": "culture",
				 "body": [{"type": "paragraph", "text": "<img src=x onerror=alert(1)>"}]}""");
		getAsEditor("/api/articles/{id}", id).expectBody()
			.jsonPath("$.headline").isEqualTo("<script>alert(1)</script> Headline")
			.jsonPath("$.body[0].text").isEqualTo("<img src=x onerror=alert(1)>")
			.jsonPath("$.slug").isEqualTo("script-alert-1-script-headline");
	}

	@Test
	void blocksCarryOnlyTheFieldsOfTheirType() {
		postAsEditor("""
				{"headline": "Blocks", "section": "world", "body": [
				  {"type": "paragraph"},
				  {"type": "image"},
				  {"type": "paragraph", "text": "x", "url": "https://example.com"},
				  {"type": "video", "url": "https://example.com"},
				  {"type": "image", "mediaId": "not-an-id"}
				]}""")
			.expectStatus().isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].field").isEqualTo("body[0].text")
			.jsonPath("$.errors[1].field").isEqualTo("body[1].mediaId")
			.jsonPath("$.errors[2].field").isEqualTo("body[2].url")
			.jsonPath("$.errors[3].field").isEqualTo("body[3].type")
			.jsonPath("$.errors[4].field").isEqualTo("body[4].mediaId");
	}

	@Test
	void limitsAreEnforcedWithTheFieldNamed() {
		expect422("{\"headline\": \"x\", \"section\": \"world\", \"summary\": \"" + "s".repeat(601) + "\"}", "summary");
		expect422("{\"headline\": \"x\", \"section\": \"world\", \"tags\": [" + "\"t\",".repeat(20) + "\"t\"]}", "tags");
		expect422("{\"headline\": \"x\", \"section\": \"world\", \"body\": ["
				+ "{\"type\": \"heading\", \"text\": \"h\"},".repeat(300) + "{\"type\": \"heading\", \"text\": \"h\"}]}", "body");
		String big = "{\"type\": \"paragraph\", \"text\": \"" + "가".repeat(7000) + "\"},";
		expect422("{\"headline\": \"x\", \"section\": \"world\", \"body\": [" + big.repeat(10) + big.substring(0, big.length() - 1) + "]}",
				"body");
		expect422("{\"headline\": \"x\", \"section\": \"world\", \"tags\": [\"$gt\"]}", "tags[0]");
		expect422("{\"headline\": \"x\", \"section\": \"world\", \"language\": \"English\"}", "language");
		expect422("{\"headline\": \"x\", \"section\": \"world\", \"relatedIds\": [\"nope\"]}", "relatedIds[0]");
		expect422("{\"headline\": \"x\", \"section\": \"world\", \"leadMediaId\": \"../../etc\"}", "leadMediaId");
		expect422("{\"headline\": \"line\\nbreak\", \"section\": \"world\"}", "headline");
		expect422("{\"headline\": \"bell\\u0007\", \"section\": \"world\"}", "headline");
		expect422("{\"headline\": \"lone \\ud800 surrogate\", \"section\": \"world\"}", "headline");
	}

	@Test
	void operatorKeysAnywhereInTheBodyAre400AndNothingIsStored() {
		long before = mongo.count(new Query(), "articles");
		for (String json : List.of(
				"{\"headline\": {\"$ne\": null}, \"section\": \"world\"}",
				"{\"headline\": \"x\", \"section\": {\"$gt\": \"\"}}",
				"{\"headline\": \"x\", \"section\": \"world\", \"tags\": {\"$where\": \"1\"}}",
				"{\"headline\": \"x\", \"section\": \"world\", \"body\": [{\"type\": \"paragraph\", \"text\": \"t\", \"$where\": \"1\"}]}",
				"{\"headline\": \"x\", \"section\": \"world\", \"body\": [{\"type\": {\"$in\": [\"paragraph\"]}}]}",
				"{\"headline\": \"x\", \"section\": \"world\", \"embargoUntil\": {\"$gt\": 0}}",
				"{\"headline\": \"x\", \"section\": \"world\", \"status\": \"PUBLISHED\"}",
				"{\"headline\": \"x\", \"section\": \"world\", \"body\": {\"type\": \"paragraph\"}}",
				"[1, 2]", "\"just a string\"", "{\"headline\": \"x\", \"section\": \"world\"} trailing")) {
			String body = postAsEditor(json).expectStatus().isBadRequest()
				.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody(String.class).returnResult().getResponseBody();
			assertProblemJson(body);
			assertThat(body).as(json).contains("\"field\"");
		}
		assertThat(mongo.count(new Query(), "articles")).isEqualTo(before);
	}

	@Test
	void badIdsAre400AndUnknownIds404() {
		http.get().uri("/api/articles/{id}", "not-an-id").exchange().expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("id");
		http.get().uri("/api/articles/{id}", "65A1B2C3D4E5F60718293A4B").exchange().expectStatus().isBadRequest();
		http.get().uri("/api/articles/{id}/ninjs", "$where").exchange().expectStatus().isBadRequest();
		http.get().uri("/api/articles/{id}", "aaaaaaaaaaaaaaaaaaaaaaaa").exchange().expectStatus().isNotFound()
			.expectBody().jsonPath("$.type").isEqualTo("urn:newsroom:problem:article-not-found");
		http.get().uri("/api/articles/slug/{slug}", "no-such-story").exchange().expectStatus().isNotFound();
	}

	@Test
	void aHugeBodyIsRefusedBeforeItIsRead() {
		String huge = "{\"headline\": \"x\", \"section\": \"world\", \"summary\": \"" + "a".repeat(3 * 1024 * 1024) + "\"}";
		http.post().uri("/api/articles").header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.editor())
			.contentType(MediaType.APPLICATION_JSON).body(huge).exchange()
			.expectStatus().isEqualTo(413)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	@SuppressWarnings("unchecked")
	void aDraftStoresItsSearchTermsAndNoRevisionIsLost() {
		String id = create("""
				{"headline": "Harvest festival draws crowds", "section": "lifestyle",
				 "body": [{"type": "paragraph", "text": "Farmers celebrated the harvests."}]}""");
		Map<?, ?> stored = mongo.findOne(Query.query(Criteria.where("slug").is("harvest-festival-draws-crowds")), Map.class,
				"articles");
		assertThat((List<Object>) stored.get("searchTerms")).contains((Object) "harvest", "festiv", "farmer", "celebr");
		assertThat(mongo.count(Query.query(Criteria.where("articleId").is(id)), "revisions")).isEqualTo(1);
	}

	private void expect422(String json, String field) {
		postAsEditor(json).expectStatus().isEqualTo(422)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.errors[0].field").isEqualTo(field);
	}
}
