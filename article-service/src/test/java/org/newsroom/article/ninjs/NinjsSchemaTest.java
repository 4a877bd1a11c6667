package org.newsroom.article.ninjs;

import java.util.List;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import org.newsroom.article.ArticleServiceTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of ninjs document this service writes is valid against IPTC's own ninjs 3.0 and 3.1
 * JSON Schemas (src/test/resources/standards, with their licence and source), checked by
 * networknt's validator with format assertions on (so {@code date-time} and {@code uri} are
 * checked too, not only the shape). The schemas are read from the classpath only: no test
 * fetches anything from the network.
 */
class NinjsSchemaTest extends ArticleServiceTest {

	static final String PHOTO = "65d0000000000000000000a1";

	static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
			registry -> registry
				.schemaLoader(loader -> loader.fetchRemoteResources(false)
					.schemaIdResolvers(ids -> ids.mapPrefix("http://www.iptc.org/std/ninjs/", "classpath:standards/ninjs/")))
				.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

	static final List<Schema> NINJS = List.of(
			SCHEMAS.getSchema(SchemaLocation.of("http://www.iptc.org/std/ninjs/ninjs-schema_3.0.json")),
			SCHEMAS.getSchema(SchemaLocation.of("http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json")));

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void anArticleWithItsLeadPhotoIsValidNinjsAndCarriesTheAltTextWhereNinjsKeepsIt() {
		photoUsable(PHOTO);
		media.stubFor(WireMock.get("/api/media/" + PHOTO).willReturn(WireMock.okJson("""
				{"id": "%s", "caption": "Fishing boats at dawn in Sokcho.", "altText": "Three blue boats moored at a quay",
				 "credit": "Yonhap", "creator": "Lee Ji-eun", "copyrightNotice": "(c) Yonhap", "usageTerms": "Editorial use only",
				 "status": "ACTIVE", "width": 3000, "height": 2000,
				 "renditions": [{"name": "large", "width": 1600, "height": 1067, "url": "/api/media/%s/renditions/large"},
				                {"name": "og", "width": 1200, "height": 630, "url": "/api/media/%s/renditions/og"}]}
				""".formatted(PHOTO, PHOTO, PHOTO))));
		String id = createPublished("""
				{"headline": "Boats return to Sokcho", "section": "national", "summary": "The fleet is back.",
				 "byline": ["Lee Ji-eun"], "leadMediaId": "%s",
				 "body": [{"type": "paragraph", "text": "The **fleet** is back."}]}""".formatted(PHOTO));

		JsonNode ninjs = ninjs(id);

		assertValidNinjs(ninjs);
		JsonNode photo = ninjs.path("associations").path(0);
		assertThat(photo.has("altText")).isFalse();
		assertThat(photo.path("descriptions").path(0).path("role").asString()).isEqualTo("caption");
		assertThat(photo.path("descriptions").path(0).path("value").asString()).isEqualTo("Fishing boats at dawn in Sokcho.");
		assertThat(photo.path("descriptions").path(1).path("role").asString()).isEqualTo(NinjsDocument.ALT_TEXT_ROLE);
		assertThat(photo.path("descriptions").path(1).path("contentType").asString()).isEqualTo("text/plain");
		assertThat(photo.path("descriptions").path(1).path("value").asString()).isEqualTo("Three blue boats moored at a quay");
	}

	@Test
	void articlesWithoutPhotoCorrectedKoreanAndDraftAreValidNinjs() {
		String plain = createPublished("""
				{"headline": "Rates held at 3.5%", "section": "business", "tags": ["rates"], "source": "Yonhap",
				 "dateline": "SEOUL", "deck": "The bank waits", "body": [{"type": "heading", "text": "Why"},
				 {"type": "embed", "url": "https://www.youtube.com/watch?v=abc"}]}""");
		String corrected = createPublished("{\"headline\": \"Ferry timetable changes\", \"section\": \"national\"}");
		http.post().uri("/api/articles/{id}/corrections", corrected)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.editor()).contentType(MediaType.APPLICATION_JSON)
			.body("{\"text\": \"An earlier version gave the wrong departure time.\"}").exchange().expectStatus().isCreated();
		String korean = createPublished("""
				{"headline": "서울에 첫눈", "section": "national", "language": "ko", "byline": ["김민수"],
				 "summary": "밤사이 눈이 내렸다.", "body": [{"type": "paragraph", "text": "서울에 **첫눈**이 내렸다."}]}""");
		String draft = create("{\"headline\": \"Draft for the ninjs schema\", \"section\": \"tech\"}");

		for (String id : List.of(plain, corrected, korean)) {
			assertValidNinjs(ninjs(id));
		}
		assertThat(ninjs(korean).path("language").asString()).isEqualTo("ko");
		JsonNode withheld = JSON.readTree(getAsEditor("/api/articles/{id}/ninjs", draft).expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody());
		assertThat(withheld.path("pubStatus").asString()).isEqualTo("withheld");
		assertValidNinjs(withheld);
	}

	@Test
	void whenMediaIsDownThePartialPhotoIsValidNinjsToo() {
		photoUsable(PHOTO);
		String id = createPublished("{\"headline\": \"Photo service down, ninjs still valid\", \"section\": \"world\", \"leadMediaId\": \""
				+ PHOTO + "\"}");
		media.stubFor(WireMock.get("/api/media/" + PHOTO).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		JsonNode ninjs = ninjs(id);
		assertThat(ninjs.path("associations").path(0).path("representationType").asString()).isEqualTo("partial");
		assertValidNinjs(ninjs);
	}

	@Test
	void theSchemasRejectWhatTheyShould() {
		// the check itself can fail: the document as it was before the fix, with altText on the photo
		JsonNode old = JSON.readTree("""
				{"uri": "https://news.example.com/api/articles/1", "type": "text",
				 "associations": [{"name": "leadImage", "uri": "https://news.example.com/api/media/1", "type": "picture",
				                   "altText": "Rescue workers"}]}""");
		for (Schema schema : NINJS) {
			assertThat(schema.validate(old)).extracting(Error::toString).anyMatch(message -> message.contains("altText"));
		}
		JsonNode badDate = JSON.readTree("{\"uri\": \"https://news.example.com/api/articles/1\", \"versionCreated\": \"yesterday\"}");
		for (Schema schema : NINJS) {
			assertThat(schema.validate(badDate)).isNotEmpty();
		}
	}

	private JsonNode ninjs(String id) {
		return JSON.readTree(http.get().uri("/api/articles/{id}/ninjs", id).exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody());
	}

	private static void assertValidNinjs(JsonNode document) {
		for (Schema schema : NINJS) {
			assertThat(schema.validate(document)).as("%s against %s", document, schema.getSchemaLocation()).isEmpty();
		}
	}
}
