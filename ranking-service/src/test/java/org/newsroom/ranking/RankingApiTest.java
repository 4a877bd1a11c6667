package org.newsroom.ranking;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.newsroom.platform.test.TestIdentityProvider;
import org.newsroom.platform.test.TestMongo;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class RankingApiTest {

	static final TestIdentityProvider identity = new TestIdentityProvider();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestMongo.register(registry);
		identity.register(registry);
	}

	@AfterAll
	static void stopIdentity() {
		identity.close();
	}

	@Autowired
	WebTestClient http;

	@Test
	void viewsAreAcceptedAnonymouslyAndRankedByCount() {
		String popular = "64b7f0c2a1b2c3d4e5f60001";
		String quiet = "64b7f0c2a1b2c3d4e5f60002";
		for (int i = 0; i < 3; i++) {
			view(popular).expectStatus().isAccepted();
		}
		view(quiet).expectStatus().isAccepted();

		List<Map<String, Object>> items = top("/api/rankings/top");
		assertThat(items).extracting(item -> item.get("articleId")).containsSubsequence(popular, quiet);
		assertThat(items.get(items.indexOf(find(items, popular)))).containsEntry("views", 3).containsEntry("rank",
				items.indexOf(find(items, popular)) + 1);
	}

	@Test
	void tiesAreBrokenByArticleIdSoTheListIsStable() {
		String b = "74b7f0c2a1b2c3d4e5f6000b";
		String a = "74b7f0c2a1b2c3d4e5f6000a";
		view(b).expectStatus().isAccepted();
		view(a).expectStatus().isAccepted();
		List<Map<String, Object>> items = top("/api/rankings/top?window=1h&limit=50");
		assertThat(items).extracting(item -> item.get("articleId")).containsSubsequence(a, b);
	}

	@Test
	void aMalformedArticleIdIs400ProblemJson() {
		for (String body : new String[] { "{\"articleId\": \"../../etc/passwd\"}", "{\"articleId\": 42}",
				"{\"articleId\": {\"$gt\": \"\"}}", "{}", "not json" }) {
			http.post().uri("/api/rankings/views").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
				.exchange()
				.expectStatus().isBadRequest()
				.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
		}
	}

	@Test
	void anUnknownWindowOrLimitOutOfRangeIs400() {
		http.get().uri("/api/rankings/top?window=2y").exchange().expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("window");
		http.get().uri("/api/rankings/top?limit=500").exchange().expectStatus().isBadRequest()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
		http.get().uri("/api/rankings/top?limit=abc").exchange().expectStatus().isBadRequest();
	}

	@Test
	void batchIngestNeedsTheIngestRole() {
		String batch = "{\"views\": []}";
		http.post().uri("/api/rankings/views/batch").contentType(MediaType.APPLICATION_JSON).bodyValue(batch)
			.exchange().expectStatus().isUnauthorized();
		http.post().uri("/api/rankings/views/batch").contentType(MediaType.APPLICATION_JSON).bodyValue(batch)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.editor())
			.exchange().expectStatus().isForbidden();
	}

	private WebTestClient.ResponseSpec view(String articleId) {
		return http.post().uri("/api/rankings/views").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("articleId", articleId)).exchange();
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> top(String uri) {
		Map<String, Object> body = http.get().uri(uri).exchange().expectStatus().isOk()
			.expectBody(Map.class).returnResult().getResponseBody();
		assertThat(body).containsKeys("window", "generatedAt", "stale", "items");
		return (List<Map<String, Object>>) body.get("items");
	}

	private static Map<String, Object> find(List<Map<String, Object>> items, String articleId) {
		return items.stream().filter(i -> articleId.equals(i.get("articleId"))).findFirst().orElseThrow();
	}
}
