package org.newsroom.article.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.annotation.PreDestroy;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.ko.KoreanAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.newsroom.article.story.ArticleContent;

import org.springframework.stereotype.Component;

/**
 * Turns text into search terms with Lucene's analysers: runs of Hangul go through Nori's
 * {@link KoreanAnalyzer} (morphological analysis: "서울에서" gives "서울"), everything else through
 * the {@link EnglishAnalyzer} (lower case, stop words, possessives, Porter stemming: "elections"
 * and "elected" both give "elect"). Articles and queries are analysed by the same code, so a
 * query term matches exactly the stored terms of the words it stands for.
 */
@Component
public class SearchTerms {

	/** Enough for a 200 KB body's vocabulary; beyond it the rarest tail is dropped. */
	public static final int MAX_ARTICLE_TERMS = 10_000;

	/** A query is at most this many distinct terms (a sentence, not a document). */
	public static final int MAX_QUERY_TERMS = 16;

	private final Analyzer english = new EnglishAnalyzer();
	private final Analyzer korean = new KoreanAnalyzer();

	SearchTerms() {
		// Nori reads its dictionaries on first use: do that while the service starts, before it
		// says it is ready, not during the first editor's save (which the gateway gives 5 s)
		ofQuery("newsroom 뉴스룸에서");
	}

	/** The distinct terms of an article's headline, deck, summary, body and tags. */
	public List<String> of(ArticleContent content) {
		Set<String> terms = new LinkedHashSet<>();
		add(content.headline(), terms, MAX_ARTICLE_TERMS);
		add(content.deck(), terms, MAX_ARTICLE_TERMS);
		add(content.summary(), terms, MAX_ARTICLE_TERMS);
		for (String line : content.bodyPlainText()) {
			add(line, terms, MAX_ARTICLE_TERMS);
		}
		for (String tag : content.tags()) {
			add(tag, terms, MAX_ARTICLE_TERMS);
		}
		return List.copyOf(terms);
	}

	/** The distinct terms of a query, in the order typed. */
	public List<String> ofQuery(String query) {
		Set<String> terms = new LinkedHashSet<>();
		add(query, terms, MAX_QUERY_TERMS);
		return List.copyOf(terms);
	}

	private void add(String text, Set<String> terms, int limit) {
		if (text == null || text.isBlank()) {
			return;
		}
		for (Segment segment : segments(text)) {
			analyse(segment.hangul() ? korean : english, segment.text(), terms, limit);
			if (terms.size() >= limit) {
				return;
			}
		}
	}

	private static void analyse(Analyzer analyzer, String text, Set<String> terms, int limit) {
		try (TokenStream stream = analyzer.tokenStream("text", text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken() && terms.size() < limit) {
				// a term never starts with '$', so none can be read as an operator or field path
				if (term.length() > 0 && term.length() <= 64 && term.charAt(0) != '$') {
					terms.add(term.toString());
				}
			}
			stream.end();
		}
		catch (IOException e) {
			// analysing a String reads no file; an IOException here is a defect
			throw new UncheckedIOException(e);
		}
	}

	private record Segment(String text, boolean hangul) {
	}

	/** Splits text into runs of Hangul and runs of anything else; spaces and punctuation join the run they are in. */
	static List<Segment> segments(String text) {
		List<Segment> segments = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		Boolean hangul = null;
		for (int i = 0; i < text.length();) {
			int cp = text.codePointAt(i);
			i += Character.charCount(cp);
			Character.UnicodeScript script = Character.UnicodeScript.of(cp);
			if (script == Character.UnicodeScript.COMMON || script == Character.UnicodeScript.INHERITED) {
				current.appendCodePoint(cp);
				continue;
			}
			boolean isHangul = script == Character.UnicodeScript.HANGUL;
			if (hangul != null && hangul != isHangul) {
				segments.add(new Segment(current.toString(), hangul));
				current.setLength(0);
			}
			hangul = isHangul;
			current.appendCodePoint(cp);
		}
		if (!current.isEmpty()) {
			segments.add(new Segment(current.toString(), hangul != null && hangul));
		}
		return segments;
	}

	@PreDestroy
	void close() {
		english.close();
		korean.close();
	}
}
