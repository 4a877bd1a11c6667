package org.newsroom.gateway.desk;

import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Versions rebuilt from the current article and its revisions (which hold only the previous
 * values of what each change touched), and the field-by-field difference between two of them.
 */
class DeskRevisionComparisonTest {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final RevisionComparison comparison = new RevisionComparison(ZoneId.of("Asia/Seoul"));

	/** Created by editor1, headline and body edited by editor2, then scheduled by editor1. */
	private static final String ARTICLE = """
			{"id": "65f1c2a9e4b0a1b2c3d4e5f6", "slug": "seoul-sees-first-snow-of-winter",
			 "headline": "Seoul sees first snow of winter", "summary": "Snow fell overnight across the city.",
			 "body": [{"type": "paragraph", "text": "Snow fell across Seoul overnight."},
			          {"type": "quote", "text": "It came early.", "attribution": "A forecaster"},
			          {"type": "paragraph", "text": "Roads were icy."}],
			 "section": "national", "tags": ["weather", "snow"], "byline": ["Kim Min-ji"], "language": "en",
			 "status": "SCHEDULED", "publishAt": "2026-12-07T00:00:00Z", "version": 2, "corrections": []}""";

	private static final String REVISIONS = """
			[{"version": 2, "at": "2026-12-06T10:00:00Z", "by": "editor1", "action": "scheduled",
			  "changes": [{"field": "status", "previous": "DRAFT"}, {"field": "publishAt", "previous": null}]},
			 {"version": 1, "at": "2026-12-06T09:00:00Z", "by": "editor2", "action": "updated",
			  "changes": [{"field": "slug", "previous": "seoul-sees-first-snow"},
			              {"field": "headline", "previous": "Seoul sees first snow"},
			              {"field": "body", "previous": [{"type": "paragraph", "text": "Snow fell across Seoul."},
			                                             {"type": "paragraph", "text": "Roads were icy."},
			                                             {"type": "embed", "url": "https://example.com/video"}]},
			              {"field": "tags", "previous": ["weather"]}]},
			 {"version": 0, "at": "2026-12-06T08:00:00Z", "by": "editor1", "action": "created",
			  "changes": [{"field": "slug", "previous": null}, {"field": "headline", "previous": null},
			              {"field": "summary", "previous": null}, {"field": "body", "previous": null},
			              {"field": "section", "previous": null}, {"field": "tags", "previous": null},
			              {"field": "byline", "previous": null}, {"field": "language", "previous": null},
			              {"field": "status", "previous": null}]}]""";

	@Test
	void everyVersionIsRebuiltByPuttingBackThePreviousValuesNewestFirst() {
		ArticleVersions versions = ArticleVersions.rebuild(json.readTree(ARTICLE), revisions(REVISIONS));

		assertThat(versions.numbers()).containsExactly(2L, 1L, 0L);
		assertThat(versions.at(0).fields().get("headline").asString()).isEqualTo("Seoul sees first snow");
		assertThat(versions.at(0).fields().get("status").asString()).isEqualTo("DRAFT");
		assertThat(versions.at(0).fields().get("body")).hasSize(3);
		assertThat(versions.at(1).fields().get("headline").asString()).isEqualTo("Seoul sees first snow of winter");
		assertThat(versions.at(1).fields().get("publishAt").isNull()).isTrue();
		assertThat(versions.at(2).fields().get("publishAt").asString()).isEqualTo("2026-12-07T00:00:00Z");
	}

	@Test
	void theDifferenceIsFieldByFieldWithTheBodyBlockByBlockAndWordByWord() {
		ArticleVersions versions = ArticleVersions.rebuild(json.readTree(ARTICLE), revisions(REVISIONS));

		List<RevisionComparison.Field> fields = comparison.between(versions.at(0), versions.at(1));

		assertThat(fields).extracting(RevisionComparison.Field::label)
			.containsExactly("Slug", "Headline", "Body", "Tags");
		assertThat(shown(fields.get(1))).containsExactly("Seoul sees first snow{+ of winter+}");
		assertThat(shown(fields.get(2))).containsExactly(
				"Block 1, paragraph, changed: Snow fell across Seoul{+ overnight+}.",
				"Block 2, quote, added: {+It came early.+}",
				"Block 2, quote, added: attribution: {+A forecaster+}",
				"Block 3 of the older version, embed, removed: url: [-https://example.com/video-]");
		assertThat(shown(fields.get(3))).containsExactly("weather, {+snow+}");
	}

	@Test
	void timesAreShownInTheNewsroomsZoneWithItsName() {
		ArticleVersions versions = ArticleVersions.rebuild(json.readTree(ARTICLE), revisions(REVISIONS));

		List<RevisionComparison.Field> fields = comparison.between(versions.at(1), versions.at(2));

		assertThat(fields).extracting(RevisionComparison.Field::label, field -> shown(field).get(0))
			.containsExactly(tuple("Status", "[-DRAFT-]{+SCHEDULED+}"),
					tuple("Scheduled for", "{+2026-12-07 09:00 KST+}"));
	}

	@Test
	void anAppendedCorrectionAndAChangedBylineAreComparedItemByItem() {
		String corrected = ARTICLE.replace("\"corrections\": []",
				"\"corrections\": [{\"at\": \"2026-12-06T11:00:00.120Z\", \"text\": \"An earlier version gave the wrong day.\"}]")
			.replace("\"byline\": [\"Kim Min-ji\"]", "\"byline\": [\"Kim Min-ji\", \"박서준\"]")
			.replace("\"version\": 2", "\"version\": 4");
		String history = REVISIONS.replaceFirst("\\[", """
				[{"version": 4, "at": "2026-12-06T11:00:00.120Z", "by": "editor2", "action": "corrected",
				  "changes": [{"field": "corrections", "previous": []}]},
				 {"version": 3, "at": "2026-12-06T10:30:00Z", "by": "editor2", "action": "updated",
				  "changes": [{"field": "byline", "previous": ["Kim Min-ji"]}]},""");

		ArticleVersions versions = ArticleVersions.rebuild(json.readTree(corrected), revisions(history));
		List<RevisionComparison.Field> fields = comparison.between(versions.at(2), versions.at(4));

		assertThat(fields).extracting(RevisionComparison.Field::label, field -> shown(field).get(0))
			.containsExactly(tuple("Byline", "Kim Min-ji, {+박서준+}"),
					tuple("Corrections", "{+2026-12-06 20:00 KST: An earlier version gave the wrong day.+}"));
	}

	@Test
	void versionsBeyondAGapInTheHistoryCannotBeRebuilt() {
		List<ArticleVersions.Revision> withoutTheMiddle = revisions(REVISIONS).stream()
			.filter(revision -> revision.version() != 1)
			.toList();

		ArticleVersions versions = ArticleVersions.rebuild(json.readTree(ARTICLE), withoutTheMiddle);

		assertThat(versions.numbers()).containsExactly(2L);
		assertThat(versions.at(0)).isNull();
	}

	@Test
	void aDeletedArticlesVersionsCannotBeRebuilt() {
		assertThat(ArticleVersions.rebuild(null, revisions(REVISIONS)).numbers()).isEmpty();
	}

	@Test
	void aRevisionWrittenAfterTheArticleWasReadIsLeftOut() {
		String later = REVISIONS.replaceFirst("\\[", """
				[{"version": 3, "at": "2026-12-06T11:00:00Z", "by": "editor2", "action": "updated",
				  "changes": [{"field": "headline", "previous": "Seoul sees first snow of winter"}]},""");

		ArticleVersions versions = ArticleVersions.rebuild(json.readTree(ARTICLE), revisions(later));

		assertThat(versions.numbers()).containsExactly(2L, 1L, 0L);
		assertThat(versions.at(2).fields().get("headline").asString()).isEqualTo("Seoul sees first snow of winter");
	}

	private static List<ArticleVersions.Revision> revisions(String text) {
		return json.readValue(text, new TypeReference<List<ArticleVersions.Revision>>() {
		});
	}

	private static List<String> shown(RevisionComparison.Field field) {
		return field.lines()
			.stream()
			.map(line -> (line.label() != null ? line.label() + ": " : "") + DeskWordDiffTest.shown(line.pieces()))
			.toList();
	}
}
