package org.newsroom.e2e;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

/** Who may write: nobody without a token, not reader1, and DELETE only an admin. */
@ExtendWith(LocalStack.class)
class AccessRulesIT {

	record Write(String method, String path, String body) {
	}

	static final String SOME_ID = "64b7f0c2a1b2c3d4e5f60001";

	static final List<Write> WRITES = List.of(
			new Write("POST", "/api/articles", "{\"headline\": \"x\", \"section\": \"world\"}"),
			new Write("PUT", "/api/articles/" + SOME_ID, "{\"headline\": \"x\", \"section\": \"world\"}"),
			new Write("POST", "/api/articles/" + SOME_ID + "/publish", null),
			new Write("POST", "/api/articles/" + SOME_ID + "/withdraw", null),
			new Write("POST", "/api/articles/" + SOME_ID + "/corrections", "{\"text\": \"x\"}"),
			new Write("DELETE", "/api/articles/" + SOME_ID, null),
			new Write("POST", "/api/media", "{}"),
			new Write("POST", "/api/media/metadata", "{}"),
			new Write("PATCH", "/api/media/" + SOME_ID, "{\"caption\": \"x\"}"),
			new Write("DELETE", "/api/media/" + SOME_ID, null),
			new Write("POST", "/api/rankings/views/batch", "{\"views\": []}"));

	static String reader;
	static String editor;

	@BeforeAll
	static void signIn() {
		reader = Client.token("reader1");
		editor = Client.token("editor1");
	}

	@Test
	void everyWriteWithoutATokenIs401ProblemJsonWithABearerChallenge() {
		assertSoftly(soft -> {
			for (Write write : WRITES) {
				Client.Response response = Client.send(write.method(), write.path(), null, write.body());
				soft.assertThat(response.status()).as(write.method() + " " + write.path()).isEqualTo(401);
				soft.assertThat(response.header("WWW-Authenticate")).as(write.path()).startsWith("Bearer");
				soft.assertThat(response.header("Content-Type")).as(write.path()).startsWith("application/problem+json");
			}
		});
	}

	@Test
	void everyWriteByAReaderIs403() {
		assertSoftly(soft -> {
			for (Write write : WRITES) {
				Client.Response response = Client.send(write.method(), write.path(), reader, write.body());
				soft.assertThat(response.status()).as(write.method() + " " + write.path()).isEqualTo(403);
				soft.assertThat(response.header("Content-Type")).as(write.path()).startsWith("application/problem+json");
			}
		});
	}

	@Test
	void editorsMayNotDeleteOrSendViewBatches() {
		for (Write write : WRITES) {
			if (write.method().equals("DELETE") || write.path().endsWith("/batch")) {
				assertThat(Client.send(write.method(), write.path(), editor, write.body()).status())
					.as(write.method() + " " + write.path()).isEqualTo(403);
			}
		}
	}

	@Test
	void aTamperedTokenIs401EvenForReads() {
		String[] parts = editor.split("\\.");
		String tampered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
		assertThat(Client.get("/api/articles/" + SOME_ID, tampered).status()).isEqualTo(401);
		assertThat(Client.get("/api/articles/" + SOME_ID, parts[0] + "." + parts[1] + ".").status()).isEqualTo(401);
	}
}
