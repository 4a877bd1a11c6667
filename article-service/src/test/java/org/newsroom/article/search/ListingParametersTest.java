package org.newsroom.article.search;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.newsroom.article.story.ArticleStatus;
import org.newsroom.platform.problem.FieldProblem;
import org.newsroom.platform.problem.ProblemException;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The listing's parameters without a server: what a request asks for, and the 400 that names the
 * parameter for every value the API refuses. The API tests check the same over HTTP.
 */
class ListingParametersTest {

	static final List<String> SECTIONS = List.of("world", "politics", "sport");

	static final String PHOTO = "65a1b2c3d4e5f60718293a4b";

	@Test
	void noParametersAskForTheFirstPageOfPublishedArticles() {
		ArticleQuery query = ListingParameters.query(Map.of(), false, SECTIONS);

		assertThat(query).isEqualTo(new ArticleQuery(List.of(ArticleStatus.PUBLISHED), null, null, null, null, null,
				null, ListingParameters.DEFAULT_SIZE, null));
	}

	@Test
	void everyFilterIsPassedOnAsGiven() {
		ArticleQuery query = ListingParameters.query(params("section", "world", "tag", "elections", "source", "AFP",
				"author", "Jane Doe", "q", "harbour strike", "size", "5", "cursor", "abc"), false, SECTIONS);

		assertThat(query).isEqualTo(new ArticleQuery(List.of(ArticleStatus.PUBLISHED), "world", "elections", "AFP",
				"Jane Doe", null, "harbour strike", 5, "abc"));
	}

	@Test
	void sizeIsAWholeNumberFromOneToTheMaximum() {
		assertThat(ListingParameters.query(params("size", "1"), false, SECTIONS).size()).isEqualTo(1);
		assertThat(ListingParameters.query(params("size", "100"), false, SECTIONS).size())
			.isEqualTo(ListingParameters.MAX_SIZE);
		for (String refused : List.of("0", "101", "-3", "ten", "2.5", "", "99999999999")) {
			assertThat(refusal(params("size", refused))).as("size=%s", refused)
				.isEqualTo(new FieldProblem("size", "a whole number from 1 to 100"));
		}
	}

	@Test
	void onlyTheConfiguredSectionsAreListed() {
		assertThat(refusal(params("section", "weather")))
			.isEqualTo(new FieldProblem("section", "unknown section; one of [world, politics, sport]"));
	}

	@Test
	void readersGetPublishedArticlesWhateverStatusTheyAskFor() {
		assertThat(ListingParameters.query(params("status", "DRAFT"), false, SECTIONS).statuses())
			.containsExactly(ArticleStatus.PUBLISHED);
	}

	@Test
	void editorsNameOneOrMoreStatusesInAnyCase() {
		assertThat(ListingParameters.query(params("status", "draft, Scheduled"), true, SECTIONS).statuses())
			.containsExactly(ArticleStatus.DRAFT, ArticleStatus.SCHEDULED);
		assertThat(ListingParameters.query(Map.of(), true, SECTIONS).statuses())
			.containsExactly(ArticleStatus.PUBLISHED);
		assertThat(refusal(params("status", "DRAFT,ARCHIVED"), true))
			.isEqualTo(new FieldProblem("status", "one or more of DRAFT, SCHEDULED, PUBLISHED, WITHDRAWN"));
	}

	@Test
	void articlesShowingAPhotoAreFoundInEveryStatusUnlessSomeAreNamed() {
		assertThat(ListingParameters.query(params("media", PHOTO), true, SECTIONS))
			.extracting(ArticleQuery::mediaId, ArticleQuery::statuses)
			.containsExactly(PHOTO, List.of(ArticleStatus.values()));
		assertThat(ListingParameters.query(params("media", PHOTO, "status", "published"), true, SECTIONS).statuses())
			.containsExactly(ArticleStatus.PUBLISHED);
		assertThat(refusal(params("media", "not-a-photo"), true))
			.isEqualTo(new FieldProblem("media", "not an id (24 lowercase hex digits)"));
	}

	@Test
	void theSearchTextHasALengthLimitButMayStartWithADollar() {
		assertThat(ListingParameters.query(params("q", "$5 coffee"), false, SECTIONS).q()).isEqualTo("$5 coffee");
		assertThat(ListingParameters.query(params("q", "x".repeat(200)), false, SECTIONS).q()).hasSize(200);
		assertThat(refusal(params("q", "x".repeat(201))))
			.isEqualTo(new FieldProblem("q", "at most 200 characters"));
	}

	@Test
	void filtersAreOneToAHundredCharacters() {
		for (String name : List.of("tag", "source", "author")) {
			assertThat(refusal(params(name, " "))).isEqualTo(new FieldProblem(name, "1 to 100 characters"));
			assertThat(refusal(params(name, "x".repeat(101)))).isEqualTo(new FieldProblem(name, "1 to 100 characters"));
		}
	}

	@Test
	void operatorLookingParametersAndValuesAreRefused() {
		assertThat(refusal(params("section[$ne]", "world"))).isEqualTo(new FieldProblem("section[$ne]",
				"unknown parameter; known: author, cursor, media, q, section, size, source, status, tag"));
		assertThat(refusal(params("tag", "$where")))
			.isEqualTo(new FieldProblem("tag", "values starting with $ are not accepted"));
		assertThat(refusal(Map.of("tag", new String[] { "a", "b" })))
			.isEqualTo(new FieldProblem("tag", "give it once"));
		assertThat(refusal(params("x".repeat(60), "1")).field()).isEqualTo("x".repeat(40) + "...");
	}

	@Test
	void summaryIdsAreCommaSeparatedInOrderWithoutRepeats() {
		String a = "65a1b2c3d4e5f60718293a01";
		String b = "65a1b2c3d4e5f60718293a02";
		String c = "65a1b2c3d4e5f60718293a03";

		assertThat(ListingParameters.summaryIds(Map.of("ids", new String[] { b + ", " + a + ",," + b, c })))
			.containsExactly(b, a, c);
	}

	@Test
	void summariesNeedIdsAndOnlyIds() {
		assertThat(summaryRefusal(Map.of()))
			.isEqualTo(new FieldProblem("ids", "required: comma-separated article ids"));
		assertThat(summaryRefusal(params("ids", "65a1b2c3d4e5f60718293a01,nope")))
			.isEqualTo(new FieldProblem("ids", "not an article id: 'nope'"));
		assertThat(summaryRefusal(params("ids", "65a1b2c3d4e5f60718293a01", "size", "3")))
			.isEqualTo(new FieldProblem("size", "unknown parameter; known: ids"));
		StringBuilder many = new StringBuilder();
		for (int i = 0; i <= ListingParameters.MAX_SUMMARIES; i++) {
			many.append(String.format("%024x,", i));
		}
		assertThat(summaryRefusal(params("ids", many.toString())))
			.isEqualTo(new FieldProblem("ids", "at most 100 ids"));
	}

	@Test
	void aCursorReadsBackAsItWasGivenOutForTheSameKindOfListOnly() {
		Cursor list = Cursor.after(Instant.parse("2026-05-01T09:30:00.123Z"), PHOTO);
		Cursor search = new Cursor(3, Instant.parse("2026-05-01T09:30:00.123Z"), PHOTO);

		assertThat(Cursor.decode(list.encode(), false)).isEqualTo(list);
		assertThat(Cursor.decode(search.encode(), true)).isEqualTo(search);
		for (String refused : List.of(list.encode(), "not base64!", "", "x".repeat(101))) {
			ProblemException problem = catchThrowableOfType(ProblemException.class,
					() -> Cursor.decode(refused, true));
			assertThat(problem.status()).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(errors(problem)).containsExactly(new FieldProblem("cursor", "not a cursor from this list"));
		}
		assertThat(catchThrowableOfType(ProblemException.class, () -> Cursor.decode(search.encode(), false)))
			.isNotNull();
	}

	private static Map<String, String[]> params(String... namesAndValues) {
		Map<String, String[]> params = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			params.put(namesAndValues[i], new String[] { namesAndValues[i + 1] });
		}
		return params;
	}

	private static FieldProblem refusal(Map<String, String[]> params) {
		return refusal(params, false);
	}

	private static FieldProblem refusal(Map<String, String[]> params, boolean editor) {
		ProblemException problem = catchThrowableOfType(ProblemException.class,
				() -> ListingParameters.query(params, editor, SECTIONS));
		assertThat(problem).as("refused").isNotNull();
		assertThat(problem.status()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(errors(problem)).hasSize(1);
		return errors(problem).get(0);
	}

	private static FieldProblem summaryRefusal(Map<String, String[]> params) {
		ProblemException problem = catchThrowableOfType(ProblemException.class,
				() -> ListingParameters.summaryIds(params));
		assertThat(problem).as("refused").isNotNull();
		assertThat(problem.status()).isEqualTo(HttpStatus.BAD_REQUEST);
		return errors(problem).get(0);
	}

	@SuppressWarnings("unchecked")
	static List<FieldProblem> errors(ProblemException problem) {
		return (List<FieldProblem>) problem.toProblemDetail().getProperties().get("errors");
	}
}
