package org.newsroom.article;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The article slice the skeleton started with: drafts, reading rules, slugs, auth and bad input. */
class ArticleApiTest extends ArticleServiceTest {

	@Test
	void anEditorCreatesADraftWithLocationAndETag() {
		http.post()
			.uri("/api/articles")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.editor())
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"headline": "Ceasefire talks resume in Cairo", "section": "world",
					 "summary": "Negotiators meet again.", "source": "AFP",
					 "body": [{"type": "paragraph", "text": "Talks resumed on Monday."}]}
					""")
			.exchange()
			.expectStatus().isCreated()
			.expectHeader().value(HttpHeaders.LOCATION, v -> assertThat(v).startsWith("/api/articles/"))
			.expectHeader().valueEquals(HttpHeaders.ETAG, "\"0\"")
			.expectBody()
			.jsonPath("$.status").isEqualTo("DRAFT")
			.jsonPath("$.slug").isEqualTo("ceasefire-talks-resume-in-cairo")
			.jsonPath("$.source").isEqualTo("AFP");
	}

	@Test
	void aDraftIsNotFoundForReadersUntilItIsPublished() {
		String id = create("Markets rally on rate hopes", "business");

		http.get().uri("/api/articles/{id}", id).exchange().expectStatus().isNotFound()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
		http.get().uri("/api/articles/slug/markets-rally-on-rate-hopes").exchange().expectStatus().isNotFound();
		http.get().uri("/api/articles/{id}", id).header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.editor())
			.exchange().expectStatus().isOk();

		http.post().uri("/api/articles/{id}/publish", id)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.editor())
			.exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.status").isEqualTo("PUBLISHED").jsonPath("$.firstPublishedAt").isNotEmpty();

		http.get().uri("/api/articles/{id}", id).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.headline").isEqualTo("Markets rally on rate hopes");
		http.get().uri("/api/articles/slug/markets-rally-on-rate-hopes").exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.id").isEqualTo(id);
	}

	@Test
	void aKoreanHeadlineGivesAHangulSlugAndRepeatsGetANumber() {
		String first = create("서울 첫눈, 출근길 교통 혼잡", "national");
		String second = create("서울 첫눈, 출근길 교통 혼잡", "national");
		assertThat(slugOf(first)).isEqualTo("서울-첫눈-출근길-교통-혼잡");
		assertThat(slugOf(second)).isEqualTo("서울-첫눈-출근길-교통-혼잡-2");
	}

	@Test
	void writingWithoutATokenIs401WithABearerChallenge() {
		http.post().uri("/api/articles").contentType(MediaType.APPLICATION_JSON)
			.body("{\"headline\": \"x\", \"section\": \"world\"}")
			.exchange()
			.expectStatus().isUnauthorized()
			.expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, v -> assertThat(v).startsWith("Bearer"))
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.status").isEqualTo(401).jsonPath("$.type").isEqualTo("urn:newsroom:problem:unauthorized");
	}

	@Test
	void forgedExpiredAndUnsignedTokensAre401() {
		for (String token : new String[] { identity.expired("editor1", "editor"),
				identity.signedByStranger("editor1", "editor"), identity.unsigned("editor1", "editor"),
				identity.fromIssuer("http://evil.example/realms/news", "editor1", "editor"), "not-a-jwt" }) {
			http.post().uri("/api/articles").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON)
				.body("{\"headline\": \"x\", \"section\": \"world\"}")
				.exchange()
				.expectStatus().isUnauthorized()
				.expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, v -> assertThat(v).startsWith("Bearer realm=\"news\", error=\"invalid_token\""));
		}
	}

	@Test
	void aReaderMayNotWrite() {
		String id = create("Reader cannot publish this", "culture");
		http.post().uri("/api/articles").header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.reader())
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"headline\": \"x\", \"section\": \"world\"}")
			.exchange()
			.expectStatus().isForbidden()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
		http.post().uri("/api/articles/{id}/publish", id).header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.reader())
			.exchange().expectStatus().isForbidden();
	}

	@Test
	void malformedJsonIs400AndNamesNoInternals() {
		String body = postAsEditor("{\"headline\": \"x\", ").expectStatus().isBadRequest()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(body).doesNotContain("Exception", "jackson", "at org.", "java.");
	}

	@Test
	void aWrongTypeIs400NamingTheField() {
		postAsEditor("{\"headline\": \"x\", \"section\": \"world\", \"byline\": {\"name\": 1}}")
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("byline");
		postAsEditor("{\"headline\": 123, \"section\": \"world\"}")
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("headline");
		postAsEditor("{\"headline\": \"x\", \"section\": true}")
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("section");
	}

	@Test
	void anUnknownFieldOrOperatorKeyIs400() {
		postAsEditor("{\"headline\": \"x\", \"section\": \"world\", \"$where\": \"sleep(1000)\"}")
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].message").isEqualTo("unknown field '$where'");
	}

	@Test
	void missingHeadlineAndUnknownSectionAre422WithTheFieldNamed() {
		postAsEditor("{\"section\": \"world\"}").expectStatus().isEqualTo(422)
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("headline");
		postAsEditor("{\"headline\": \"x\", \"section\": \"astrology\"}").expectStatus().isEqualTo(422)
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("section");
		postAsEditor("{\"headline\": \"" + "h".repeat(201) + "\", \"section\": \"world\"}").expectStatus().isEqualTo(422)
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("headline");
	}

	@Test
	void aParameterOfTheWrongTypeAndAMissingBodyAre400NamingWhatIsWrong() {
		http.get().uri("/api/articles?size=ten").exchange().expectStatus().isBadRequest()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("size");
		http.post().uri("/api/articles").header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.editor())
			.contentType(MediaType.APPLICATION_JSON).exchange()
			.expectStatus().isBadRequest()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void unknownIdsAndPathsAre404ProblemJson() {
		http.get().uri("/api/articles/000000000000000000000000").exchange().expectStatus().isNotFound()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
		http.post().uri("/api/articles/000000000000000000000000/publish")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.editor())
			.exchange().expectStatus().isNotFound();
		http.get().uri("/no/such/path").exchange().expectStatus().isNotFound()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.type").isEqualTo("urn:newsroom:problem:not-found");
	}

	private String slugOf(String id) {
		return http.get().uri("/api/articles/{id}", id).header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.editor())
			.exchange().expectBody(java.util.Map.class).returnResult().getResponseBody().get("slug").toString();
	}
}
