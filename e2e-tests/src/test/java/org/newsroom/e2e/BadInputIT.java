package org.newsroom.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input to the slice endpoints is a 4xx problem document, never a 5xx, and reveals nothing. */
@ExtendWith(LocalStack.class)
class BadInputIT {

	static String editor;

	@BeforeAll
	static void signIn() {
		editor = Client.token("editor1");
	}

	@Test
	void malformedJsonIs400() {
		expectProblem(Client.send("POST", "/api/articles", editor, "{\"headline\": "), 400);
		expectProblem(Client.send("POST", "/api/rankings/views", null, "{\"articleId\""), 400);
	}

	@Test
	void wrongTypesAre400() {
		expectProblem(Client.send("POST", "/api/articles", editor, "{\"headline\": [1, 2], \"section\": \"world\"}"), 400);
		expectProblem(Client.send("POST", "/api/rankings/views", null, "{\"articleId\": 12345}"), 400);
		expectProblem(Client.get("/api/rankings/top?limit=many", null), 400);
	}

	@Test
	void invalidValuesAre4xx() {
		expectProblem(Client.send("POST", "/api/articles", editor, "{\"headline\": \"x\", \"section\": \"gossip\"}"), 422);
		expectProblem(Client.send("POST", "/api/rankings/views", null, "{\"articleId\": \"../../etc/passwd\"}"), 400);
		expectProblem(Client.upload("/api/media", editor, "<svg onload=alert(1)>".getBytes(), "x.jpg",
				"{\"credit\": \"AFP\"}"), 415);
	}

	@Test
	void unknownIdsAre404() {
		expectProblem(Client.get("/api/articles/000000000000000000000000", null), 404);
		expectProblem(Client.get("/api/articles/slug/no-such-story", null), 404);
		expectProblem(Client.get("/api/media/000000000000000000000000", null), 404);
		expectProblem(Client.send("POST", "/api/articles/000000000000000000000000/publish", editor, null), 404);
	}

	private static void expectProblem(Client.Response response, int status) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.json().get("status").asInt()).isEqualTo(status);
		assertThat(response.json().has("type")).isTrue();
		assertThat(response.body()).doesNotContain("Exception", "at org.", "java.", "mongo");
	}
}
