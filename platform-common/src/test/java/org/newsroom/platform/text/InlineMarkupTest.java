package org.newsroom.platform.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InlineMarkupTest {

	@Test
	void boldItalicAndLinksBecomeTheOnlyElements() {
		assertThat(InlineMarkup.toHtml("**Seoul** is *cold* today, says [KMA](https://www.kma.go.kr/eng)."))
			.isEqualTo("<strong>Seoul</strong> is <em>cold</em> today, says "
					+ "<a href=\"https://www.kma.go.kr/eng\" rel=\"nofollow noopener noreferrer\">KMA</a>.");
	}

	@Test
	void htmlInTheTextIsEscapedNeverInterpreted() {
		assertThat(InlineMarkup.toHtml("<script>alert('x')</script> & <b>bold</b>"))
			.isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;");
	}

	@Test
	void markupNestsOneLevelAndLabelsMayBeFormatted() {
		assertThat(InlineMarkup.toHtml("***both*** and [**loud** link](http://example.com/a?b=1&c=2)"))
			.isEqualTo("<strong><em>both</em></strong> and <a href=\"http://example.com/a?b=1&amp;c=2\" "
					+ "rel=\"nofollow noopener noreferrer\"><strong>loud</strong> link</a>");
	}

	@Test
	void unmatchedMarkersAndEscapesStayLiteral() {
		assertThat(InlineMarkup.toHtml("2 * 3 = 6, a ** b, \\*not italic\\* and [not a link]"))
			.isEqualTo("2 * 3 = 6, a ** b, *not italic* and [not a link]");
		assertThat(InlineMarkup.toPlainText("**Bold** [label](https://example.com)")).isEqualTo("Bold label");
	}

	@Test
	void linksToAnythingButHttpOrHttpsAreRefused() {
		for (String href : new String[] { "javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x",
				"//evil.example/x", "/relative", "https://", "https://ex ample.com", "vbscript:x" }) {
			assertThatThrownBy(() -> InlineMarkup.parse("[click](" + href + ")")).as(href)
				.isInstanceOf(InlineMarkup.InvalidLink.class);
		}
	}

	@Test
	void lineBreaksBecomeBreaksAndQuotesInUrlsCannotEscapeTheAttribute() {
		assertThat(InlineMarkup.toHtml("one\ntwo")).isEqualTo("one<br>two");
		assertThatThrownBy(() -> InlineMarkup.parse("[x](https://a.example/\"onmouseover=\"alert(1))"))
			.isInstanceOf(InlineMarkup.InvalidLink.class);
	}

	@Test
	void pathologicalInputIsParsedQuickly() {
		String hostile = "**[a](*_".repeat(2500) + "[".repeat(5000);
		long start = System.nanoTime();
		assertThat(InlineMarkup.toPlainText(hostile)).endsWith("[[[[");
		assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
	}
}
