package org.newsroom.gateway.desk;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.newsroom.gateway.desk.WordDiff.Piece;

import static org.assertj.core.api.Assertions.assertThat;

/** The word-level difference the history page marks with ins and del. */
class DeskWordDiffTest {

	@Test
	void aChangedWordIsRemovedAndAddedAndTheRestKept() {
		assertThat(shown(WordDiff.words("Rescuers found two survivors", "Rescuers found three survivors")))
			.isEqualTo("Rescuers found [-two-]{+three+} survivors");
	}

	@Test
	void addedAndRemovedWordsAtTheEndsAndInTheMiddle() {
		assertThat(shown(WordDiff.words("Snow fell across Seoul", "Heavy snow fell across Seoul overnight")))
			.isEqualTo("[-Snow-]{+Heavy snow+} fell across Seoul{+ overnight+}");
		assertThat(shown(WordDiff.words("Markets open flat today", "Markets open today")))
			.isEqualTo("Markets open [-flat -]today");
	}

	@Test
	void aKoreanWordWithAnotherParticleIsThatWordReplaced() {
		assertThat(shown(WordDiff.words("서울에 첫눈이 내렸다", "서울에서 첫눈이 내렸다")))
			.isEqualTo("[-서울에-]{+서울에서+} 첫눈이 내렸다");
	}

	@Test
	void aRewrittenStretchReadsAsOneReplacementNotAroundKeptSpaces() {
		assertThat(shown(WordDiff.words("The vote was close, officials said.", "Turnout hit a record, officials said.")))
			.isEqualTo("[-The vote was close-]{+Turnout hit a record+}, officials said.");
	}

	@Test
	void noTextBeforeOrAfterIsAllAddedOrAllRemoved() {
		assertThat(shown(WordDiff.words(null, "A new summary."))).isEqualTo("{+A new summary.+}");
		assertThat(shown(WordDiff.words("Gone.", null))).isEqualTo("[-Gone.-]");
		assertThat(WordDiff.words("Same text", "Same text")).extracting(Piece::kind).containsExactly(WordDiff.Kind.SAME);
	}

	@Test
	void listsAreComparedItemByItem() {
		assertThat(shown(WordDiff.items(List.of("weather", "Seoul"), List.of("weather", "snow", "Seoul"))))
			.isEqualTo("weather, {+snow+}, Seoul");
		assertThat(shown(WordDiff.items(List.of("Jane Doe", "Kim Min-ji"), List.of("Kim Min-ji"))))
			.isEqualTo("[-Jane Doe-], Kim Min-ji");
	}

	@Test
	void textTooLongToCompareWordByWordIsShownReplacedWholeBetweenWhatBothShare() {
		String before = "Start. " + "alpha ".repeat(1500) + "End.";
		String after = "Start. " + "beta ".repeat(1500) + "End.";

		List<Piece> pieces = WordDiff.words(before, after);

		assertThat(pieces).extracting(Piece::kind)
			.containsExactly(WordDiff.Kind.SAME, WordDiff.Kind.REMOVED, WordDiff.Kind.ADDED, WordDiff.Kind.SAME);
		assertThat(pieces.get(0).text()).isEqualTo("Start. ");
		assertThat(pieces.get(3).text()).isEqualTo(" End.");
		assertThat(pieces.get(1).text()).startsWith("alpha alpha");
	}

	/** [-removed-] and {+added+}, as word-diff tools write them. */
	static String shown(List<Piece> pieces) {
		return pieces.stream().map(piece -> switch (piece.kind()) {
			case SAME -> piece.text();
			case REMOVED -> "[-" + piece.text() + "-]";
			case ADDED -> "{+" + piece.text() + "+}";
		}).collect(Collectors.joining());
	}
}
