package org.newsroom.gateway.contract;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.newsroom.gateway.NewsroomFixtures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/** What the gateway reads of the services' answers, and that it passes their JSON on unchanged. */
class ContractTest {

	private final JsonMapper json = JsonMapper.builder().build();

	private JsonNode tree(Object fixture) {
		return json.readTree(NewsroomFixtures.write(fixture));
	}

	@Test
	void anArticleReadsWithItsBodyCorrectionsAndSeoAndIgnoresFieldsTheGatewayDoesNotUse() {
		JsonNode sent = tree(NewsroomFixtures.article("alpine-village", "Alpine village moves", NewsroomFixtures.storyBody()));
		((ObjectNode) sent).put("somethingNew", "a service may add fields");

		Article article = Answer.of(sent, Article.class, json).read();

		assertThat(article.slug()).isEqualTo("alpine-village");
		assertThat(article.headline()).isEqualTo("Alpine village moves");
		assertThat(article.body()).isNotEmpty().allSatisfy(block -> assertThat(block.type()).isNotBlank());
	}

	@Test
	void anAnswerIsWrittenAsTheJsonTheServiceSent() {
		JsonNode sent = tree(NewsroomFixtures.photo());
		Answer<Photo> photo = Answer.of(sent, Photo.class, json);

		assertThat(json.writeValueAsString(photo)).isEqualTo(json.writeValueAsString(sent));
		assertThat(json.writeValueAsString(List.of(photo))).isEqualTo("[" + json.writeValueAsString(sent) + "]");
	}

	@Test
	void absentListsReadAsEmptyAndAbsentNumbersAsZero() {
		Article article = json.readValue("{\"id\": \"a1\"}", Article.class);
		assertThat(article.body()).isEmpty();
		assertThat(article.relatedIds()).isEmpty();
		assertThat(article.seo().jsonLd()).isNull();

		Rendition rendition = json.readValue("{\"name\": \"thumb\", \"width\": null}", Rendition.class);
		assertThat(rendition.width()).isZero();
		assertThat(rendition.height()).isZero();

		TopList top = json.readValue("{}", TopList.class);
		assertThat(top.items()).isEmpty();
		assertThat(top.stale()).isFalse();
	}

	@Test
	void aPhotoTakenDownSaysSo() {
		assertThat(json.readValue("{\"status\": \"TAKEN_DOWN\"}", Photo.class).takenDown()).isTrue();
		assertThat(json.readValue("{\"status\": \"ACTIVE\"}", Photo.class).takenDown()).isFalse();
	}
}
