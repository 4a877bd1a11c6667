package org.newsroom.e2e;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A newsroom's first day, through the gateway only, with tokens from the real Keycloak. */
@ExtendWith(LocalStack.class)
class NewsroomFlowIT {

	static String editor;

	@BeforeAll
	static void signIn() {
		editor = Client.token("editor1");
	}

	@Test
	void anEditorPublishesAStoryWithAPhotoAndReadersMakeItTheTopStory() throws IOException {
		Client.Response photo = Client.upload("/api/media", editor, jpeg(800, 533), "han-river.jpg", """
				{"caption": "Morning light over the Han River in Seoul, Nov. 27.",
				 "altText": "The Han River at sunrise", "credit": "Reuters-Yonhap"}""");
		assertThat(photo.status()).as(photo.toString()).isEqualTo(201);
		String photoId = photo.json().get("id").asString();
		JsonNode stored = Client.get("/api/media/" + photoId, null).json();
		assertThat(stored.get("credit").asString()).isEqualTo("Reuters-Yonhap");
		assertThat(stored.get("width").asInt()).isEqualTo(800);

		Client.Response created = Client.send("POST", "/api/articles", editor, """
				{"headline": "Seoul wakes to its first frost of the season", "section": "national",
				 "summary": "Temperatures fell below zero overnight.", "source": "Yonhap",
				 "byline": ["Eun-ji Park"],
				 "body": [{"type": "paragraph", "text": "Seoul recorded its first frost on Friday."}]}""");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.header("Location")).startsWith("/api/articles/");
		String id = created.json().get("id").asString();
		String slug = created.json().get("slug").asString();
		assertThat(created.json().get("status").asString()).isEqualTo("DRAFT");

		assertThat(Client.get("/api/articles/" + id, null).status()).isEqualTo(404);

		Client.Response published = Client.send("POST", "/api/articles/" + id + "/publish", editor, null);
		assertThat(published.status()).as(published.toString()).isEqualTo(200);
		assertThat(published.json().get("status").asString()).isEqualTo("PUBLISHED");

		Client.Response read = Client.get("/api/articles/slug/" + slug, null);
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json().get("headline").asString()).isEqualTo("Seoul wakes to its first frost of the season");

		for (int i = 0; i < 5; i++) {
			Client.Response view = Client.send("POST", "/api/rankings/views", null, "{\"articleId\": \"" + id + "\"}");
			assertThat(view.status()).as(view.toString()).isEqualTo(202);
		}
		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			JsonNode top = Client.get("/api/rankings/top?window=24h&limit=50", null).json();
			assertThat(top.get("items").valueStream().map(item -> item.get("articleId").asString()))
				.contains(id);
		});
	}

	static byte[] jpeg(int width, int height) throws IOException {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setPaint(new GradientPaint(0, 0, new Color(255, 170, 90), 0, height, new Color(40, 70, 140)));
		g.fillRect(0, 0, width, height);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "jpg", out);
		return out.toByteArray();
	}
}
