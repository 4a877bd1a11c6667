package org.newsroom.demo;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo newsroom must pass the same rules the services enforce, or loading it would fail. */
class DemoContentTest {

	static final List<String> SECTIONS = List.of("national", "world", "business", "opinion", "sports", "culture",
			"lifestyle", "tech");

	final JsonNode articles = DemoNewsroom.readContent().get("articles");

	@Test
	void everyStoryFitsTheArticleRules() {
		Set<String> keys = new HashSet<>();
		for (JsonNode story : articles) {
			assertThat(keys.add(story.get("key").asString())).as("unique key").isTrue();
			assertThat(SECTIONS).contains(story.get("section").asString());
			assertThat(story.get("headline").asString()).isNotBlank().hasSizeLessThanOrEqualTo(200);
			assertThat(story.get("summary").asString()).hasSizeLessThanOrEqualTo(600);
			assertThat(story.get("tags").valueStream().map(JsonNode::asString)).contains(DemoNewsroom.DEMO_TAG)
				.hasSizeLessThanOrEqualTo(20);
			assertThat(story.get("body").size()).isBetween(1, 300);
			String status = story.path("status").asString("PUBLISHED");
			assertThat(status).isIn("PUBLISHED", "DRAFT", "SCHEDULED");
			if (status.equals("PUBLISHED")) {
				assertThat(story.get("views").asInt()).as("views of a published story").isPositive();
			}
			else {
				assertThat(story.has("views")).as("views of a story readers cannot see").isFalse();
			}
		}
		assertThat(articles.valueStream().map(a -> a.get("section").asString()).distinct().count())
			.as("sections covered").isGreaterThanOrEqualTo(6);
		assertThat(articles.valueStream().map(a -> a.path("status").asString("PUBLISHED")).distinct())
			.as("the desk shows work in progress").contains("DRAFT", "SCHEDULED");
		assertThat(articles.valueStream().filter(a -> a.get("language").asString().equals("ko")).count())
			.as("Korean stories for search").isGreaterThanOrEqualTo(2);
	}

	@Test
	void everyPhotoHasCaptionAltTextAndCredit() {
		for (JsonNode story : articles) {
			JsonNode photo = story.get("photo");
			assertThat(photo.get("caption").asString()).isNotBlank();
			assertThat(photo.get("altText").asString()).isNotBlank();
			assertThat(photo.get("credit").asString()).isNotBlank();
		}
	}

	@Test
	void everySceneIsPaintedAtFullSizeAndDiffersPerStory() throws IOException {
		Set<Integer> distinct = new HashSet<>();
		for (JsonNode story : articles) {
			byte[] jpeg = DemoPhotos.jpeg(story.get("photo").get("scene").asString(), story.get("key").asString());
			BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
			assertThat(image.getWidth()).isEqualTo(DemoPhotos.WIDTH);
			assertThat(image.getHeight()).isEqualTo(DemoPhotos.HEIGHT);
			distinct.add(java.util.Arrays.hashCode(jpeg));
		}
		assertThat(distinct).hasSize(articles.size());
	}
}
