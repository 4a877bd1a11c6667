package org.newsroom.article.search;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTermsTest {

	static final SearchTerms terms = new SearchTerms();

	@AfterAll
	static void close() {
		terms.close();
	}

	@Test
	void englishWordsAreStemmedAndStopWordsDropped() {
		assertThat(terms.ofQuery("The elections")).containsExactly("elect");
		assertThat(terms.ofQuery("elected")).containsExactly("elect");
		assertThat(terms.ofQuery("Running markets' rallies")).containsExactly("run", "market", "ralli");
	}

	@Test
	void koreanIsAnalysedMorphologicallySoParticlesDoNotMatter() {
		assertThat(terms.ofQuery("서울에서")).containsExactly("서울");
		// Nori splits the compound 첫눈 (first snow) into 첫 and 눈, in articles and queries alike
		assertThat(terms.ofQuery("서울의 첫눈이")).containsExactly("서울", "첫", "눈");
	}

	@Test
	void mixedTextUsesTheRightAnalyserForEachScript() {
		assertThat(terms.ofQuery("삼성전자 shares rallied")).contains("삼성", "share", "ralli");
	}

	@Test
	void operatorsAndSymbolsNeverBecomeTerms() {
		assertThat(terms.ofQuery("$where {\"$gt\": 1}")).doesNotContain("$where", "$gt").allMatch(t -> !t.startsWith("$"));
	}
}
