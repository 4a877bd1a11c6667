package org.newsroom.article.story;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.newsroom.article.config.ArticleProperties;
import org.newsroom.platform.problem.FieldProblem;
import org.newsroom.platform.problem.ProblemException;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The newsroom's content rules without a server: what a draft becomes once checked, and every
 * broken rule reported at once with its field. The API tests check the same over HTTP.
 */
class ContentRulesTest {

	static final String PHOTO = "65a1b2c3d4e5f60718293a4b";

	static final String OTHER = "65a1b2c3d4e5f60718293a4c";

	/** The properties as the service binds them, so the test follows the record as it changes. */
	final ContentRules rules = new ContentRules(new Binder(new MapConfigurationPropertySource(
			Map.of("newsroom.articles.sections", "world,politics,sport")))
		.bind("newsroom.articles", ArticleProperties.class)
		.get());

	@Test
	void aDraftComesBackNormalised() {
		ArticleContent content = rules.check(new ArticleDraft("  Harbour strike ends  ", null, "Dockers vote.\r\nShips sail.",
				null, "world", List.of(" ports ", "ports", "labour"), List.of(" Jane Doe "), null, null, null, null,
				null, null), null);

		assertThat(content.headline()).isEqualTo("Harbour strike ends");
		assertThat(content.summary()).isEqualTo("Dockers vote.\nShips sail.");
		assertThat(content.body()).isEmpty();
		assertThat(content.tags()).containsExactly("ports", "labour");
		assertThat(content.byline()).containsExactly("Jane Doe");
		assertThat(content.language()).isEqualTo(ContentRules.DEFAULT_LANGUAGE);
		assertThat(content.relatedIds()).isEmpty();
	}

	@Test
	void everyBrokenRuleIsReportedAtOnceWithItsField() {
		ProblemException problem = refusal(new ArticleDraft(null, "two\nlines", null, null, "weather",
				List.of("#hashtag"), null, null, null, "English", "photo", List.of("nope"), null));

		assertThat(problem.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(problem.getMessage()).isEqualTo("headline: required (and 6 more)");
		assertThat(errors(problem)).extracting(FieldProblem::field)
			.containsExactly("headline", "deck", "section", "tags[0]", "language", "leadMediaId", "relatedIds[0]");
	}

	@Test
	void theSectionIsRequiredAndOneOfTheConfiguredOnes() {
		assertThat(fields(draft("Headline", null))).containsExactly(
				new FieldProblem("section", "required; one of [world, politics, sport]"));
		assertThat(fields(draft("Headline", "weather"))).containsExactly(
				new FieldProblem("section", "unknown section; one of [world, politics, sport]"));
	}

	@Test
	void theHeadlineIsOneLineOfAtMost200Characters() {
		assertThat(rules.check(draft("x".repeat(200), "world"), null).headline()).hasSize(200);
		// characters, not UTF-16 units: 200 emoji fit
		assertThat(rules.check(draft("\uD83D\uDCF0".repeat(200), "world"), null).headline()).hasSize(400);
		assertThat(fields(draft("x".repeat(201), "world")))
			.containsExactly(new FieldProblem("headline", "at most 200 characters"));
		assertThat(fields(draft("Two\nlines", "world")))
			.containsExactly(new FieldProblem("headline", "must be a single line"));
		assertThat(fields(draft("   ", "world"))).containsExactly(new FieldProblem("headline", "required"));
	}

	@Test
	void controlCharactersAndLoneSurrogatesAreRefused() {
		for (String bad : List.of("Bell\u0007", "Lone \uD83D surrogate", "Low \uDCF0 first", "Not a character \uFFFE")) {
			assertThat(fields(draft(bad, "world"))).as(bad)
				.containsExactly(new FieldProblem("headline", "contains a control character or an invalid character"));
		}
	}

	@Test
	void eachBlockTypeCarriesItsOwnFieldsOnly() {
		List<Block> body = List.of(new Block("paragraph", " Text ", null, null, null, null),
				new Block("quote", "Said.", "A Source", null, null, null),
				new Block("image", null, null, PHOTO, "Caption", null),
				new Block("embed", null, null, null, null, " https://example.com/video "));
		assertThat(rules.check(withBody(body), null).body()).containsExactly(
				new Block("paragraph", "Text", null, null, null, null),
				new Block("quote", "Said.", "A Source", null, null, null),
				new Block("image", null, null, PHOTO, "Caption", null),
				new Block("embed", null, null, null, null, "https://example.com/video"));

		assertThat(fields(withBody(List.of(new Block("paragraph", "Text", "Someone", PHOTO, null, null),
				new Block("image", null, null, null, null, null), new Block("embed", null, null, null, null, null),
				new Block("video", null, null, null, null, null)))))
			.containsExactly(new FieldProblem("body[0].attribution", "not allowed in a paragraph block"),
					new FieldProblem("body[0].mediaId", "not allowed in a paragraph block"),
					new FieldProblem("body[1].mediaId", "required: a media id (24 lowercase hex digits)"),
					new FieldProblem("body[2].url", "required: an http or https address"),
					new FieldProblem("body[3].type", "must be paragraph, heading, quote, image or embed"));
	}

	@Test
	void theBodyHasAtMost300BlocksAnd200KilobytesOfText() {
		assertThat(fields(withBody(Collections.nCopies(301, new Block("paragraph", "x", null, null, null, null)))))
			.containsExactly(new FieldProblem("body", "at most 300 blocks"));
		List<Block> big = new ArrayList<>();
		for (int i = 0; i < 11; i++) {
			big.add(new Block("paragraph", "x".repeat(19_000), null, null, null, null));
		}
		assertThat(fields(withBody(big)))
			.containsExactly(new FieldProblem("body", "at most 200 KB of text (UTF-8); this body has 205 KB"));
	}

	@Test
	void anArticleIsNeverRelatedToItselfAndRepeatsCountOnce() {
		ArticleDraft draft = new ArticleDraft("Headline", null, null, null, "world", null, null, null, null, null,
				null, List.of(OTHER, OTHER), null);
		assertThat(rules.check(draft, PHOTO).relatedIds()).containsExactly(OTHER);
		assertThat(fields(new ArticleDraft("Headline", null, null, null, "world", null, null, null, null, null, null,
				List.of(PHOTO), null), PHOTO))
			.containsExactly(new FieldProblem("relatedIds[0]", "an article cannot be related to itself"));
	}

	@Test
	void listsHaveTheirLimits() {
		assertThat(fields(new ArticleDraft("Headline", null, null, null, "world", Collections.nCopies(21, "tag"), null,
				null, null, null, null, null, null))).containsExactly(new FieldProblem("tags", "at most 20 tags"));
		assertThat(fields(new ArticleDraft("Headline", null, null, null, "world", null, Collections.nCopies(11, "A"),
				null, null, null, null, null, null))).containsExactly(new FieldProblem("byline", "at most 10 names"));
	}

	@Test
	void languageIsABcp47Code() {
		for (String good : List.of("en", "ko", "pt-BR", "zh-Hant-TW")) {
			assertThat(rules.check(language(good), null).language()).isEqualTo(good);
		}
		for (String bad : List.of("EN", "english", "e", "en_US")) {
			assertThat(fields(language(bad))).as(bad).extracting(FieldProblem::field).containsExactly("language");
		}
	}

	@Test
	void aCorrectionIsOneToAThousandCharactersOfPlainText() {
		assertThat(rules.correction("  An earlier version misspelt the minister's name.  "))
			.isEqualTo("An earlier version misspelt the minister's name.");
		for (String bad : List.of("", "x".repeat(1001), "Bell\u0007")) {
			ProblemException problem = catchThrowableOfType(ProblemException.class, () -> rules.correction(bad));
			assertThat(problem.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
			assertThat(errors(problem)).extracting(FieldProblem::field).containsExactly("text");
		}
	}

	private static ArticleDraft draft(String headline, String section) {
		return new ArticleDraft(headline, null, null, null, section, null, null, null, null, null, null, null, null);
	}

	private static ArticleDraft withBody(List<Block> body) {
		return new ArticleDraft("Headline", null, null, body, "world", null, null, null, null, null, null, null, null);
	}

	private static ArticleDraft language(String language) {
		return new ArticleDraft("Headline", null, null, null, "world", null, null, null, null, language, null, null,
				null);
	}

	private List<FieldProblem> fields(ArticleDraft draft) {
		return fields(draft, null);
	}

	private List<FieldProblem> fields(ArticleDraft draft, String selfId) {
		return errors(refusal(draft, selfId));
	}

	private ProblemException refusal(ArticleDraft draft) {
		return refusal(draft, null);
	}

	private ProblemException refusal(ArticleDraft draft, String selfId) {
		ProblemException problem = catchThrowableOfType(ProblemException.class, () -> rules.check(draft, selfId));
		assertThat(problem).as("refused").isNotNull();
		return problem;
	}

	@SuppressWarnings("unchecked")
	private static List<FieldProblem> errors(ProblemException problem) {
		return (List<FieldProblem>) problem.toProblemDetail().getProperties().get("errors");
	}
}
