package org.newsroom.e2e;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The web edition beyond the article page, against the real services: a section's page, a tag's,
 * search in English and in Korean (article-service's own search), the app screens, and the 410
 * page once the story is withdrawn.
 */
@ExtendWith(LocalStack.class)
class EditionIT {

	static String editor;

	@BeforeAll
	static void signIn() {
		editor = Client.token("editor1");
	}

	private static String publish(String json) {
		Client.Response created = Client.send("POST", "/api/articles", editor, json);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String id = created.json().get("id").asString();
		Client.Response published = Client.send("POST", "/api/articles/" + id + "/publish", editor, null);
		assertThat(published.status()).as(published.toString()).isEqualTo(200);
		return id;
	}

	private static String query(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	@Test
	void sectionTagSearchAndWithdrawalAsReadersSeeThem() {
		String english = publish("""
				{"headline": "Lantern festival lights up the old palace grounds", "section": "culture",
				 "summary": "Thousands came for the opening night.", "source": "Yonhap", "tags": ["lanterns"],
				 "body": [{"type": "paragraph", "text": "The lantern festival opened on Friday."}]}""");
		String korean = publish("""
				{"headline": "고궁 등불 축제 개막, 첫날 수천 명 찾아", "section": "culture", "language": "ko",
				 "summary": "개막 첫날 밤 수천 명이 찾았다.", "source": "Yonhap", "tags": ["lanterns"],
				 "body": [{"type": "paragraph", "text": "등불 축제가 금요일 개막했다."}]}""");
		String slug = Client.get("/api/articles/" + english, editor).json().get("slug").asString();

		// the lists are purged by the publications within two seconds, whatever was kept before
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			Client.Response section = Client.get("/section/culture", null);
			assertThat(section.status()).isEqualTo(200);
			assertThat(section.body()).contains("Lantern festival lights up the old palace grounds",
					"고궁 등불 축제 개막, 첫날 수천 명 찾아", "<a href=\"/section/culture\" aria-current=\"page\">Culture</a>",
					"href=\"/feeds/culture/rss.xml\"");
			// newest first
			assertThat(section.body().indexOf("고궁 등불 축제")).isLessThan(section.body().indexOf("Lantern festival lights"));
			assertThat(Client.get("/tag/lanterns", null).body()).contains("Lantern festival lights up", "고궁 등불 축제");
			assertThat(Client.get("/api/pages/sections/culture", null).body()).contains(english, korean);
			assertThat(Client.get("/api/pages/home", null).body()).contains(english);
		});

		Client.Response found = Client.get("/search?q=" + query("lantern festival"), null);
		assertThat(found.status()).isEqualTo(200);
		assertThat(found.body()).contains("value=\"lantern festival\"", "href=\"/news/" + slug + "\"");
		Client.Response foundInKorean = Client.get("/search?q=" + query("등불 축제"), null);
		assertThat(foundInKorean.status()).isEqualTo(200);
		assertThat(foundInKorean.body()).contains("value=\"등불 축제\"", "고궁 등불 축제 개막, 첫날 수천 명 찾아");
		assertThat(Client.get("/search?q=" + query("zeppelinxq"), null).body()).contains("No results for");

		assertThat(Client.get("/section/astrology", null).status()).isEqualTo(404);
		assertThat(Client.get("/api/pages/sections/astrology", null).status()).isEqualTo(404);
		assertThat(Client.get("/news/no-such-story-here", null).status()).isEqualTo(404);

		assertThat(Client.send("POST", "/api/articles/" + english + "/withdraw", editor, null).status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> {
			Client.Response withdrawn = Client.get("/news/" + slug, null);
			assertThat(withdrawn.status()).isEqualTo(410);
			assertThat(withdrawn.body()).contains("This article has been withdrawn", "<meta name=\"robots\" content=\"noindex\">");
			assertThat(Client.get("/section/culture", null).body()).doesNotContain("Lantern festival lights");
		});
	}
}
