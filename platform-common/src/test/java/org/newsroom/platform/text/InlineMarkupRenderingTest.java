package org.newsroom.platform.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InlineMarkupRenderingTest {

	@Test
	void plainTextIsEscapedCharacterByCharacter() {
		assertThat(InlineMarkup.toHtml("Tom & Jerry say \"hi\" <b>now</b> 'ok'"))
			.isEqualTo("Tom &amp; Jerry say &quot;hi&quot; &lt;b&gt;now&lt;/b&gt; &#39;ok&#39;");
	}

	@Test
	void boldItalicAndLinksBecomeTags() {
		assertThat(InlineMarkup.toHtml("a **strong** and *soft* word, see [the report](https://example.org/r?a=1&b=2)"))
			.isEqualTo("a <strong>strong</strong> and <em>soft</em> word, see "
					+ "<a href=\"https://example.org/r?a=1&amp;b=2\" rel=\"nofollow noopener noreferrer\">the report</a>");
	}

	@Test
	void markupNestsInsideBoldAndItalic() {
		assertThat(InlineMarkup.toHtml("**very *much* so**")).isEqualTo("<strong>very <em>much</em> so</strong>");
		assertThat(InlineMarkup.toHtml("*see [this](http://example.org)*"))
			.isEqualTo("<em>see <a href=\"http://example.org\" rel=\"nofollow noopener noreferrer\">this</a></em>");
	}

	@Test
	void onlyHttpAndHttpsLinksAreLinked() {
		assertThat(InlineMarkup.toHtml("[x](javascript:alert(1))")).isEqualTo("[x](javascript:alert(1))");
		assertThat(InlineMarkup.toHtml("[x](data:text/html,hi)")).isEqualTo("[x](data:text/html,hi)");
		assertThat(InlineMarkup.toHtml("[x](//evil.example/)")).isEqualTo("[x](//evil.example/)");
		assertThat(InlineMarkup.toHtml("[x](/relative)")).isEqualTo("[x](/relative)");
		assertThat(InlineMarkup.toHtml("[x](https://a.example/\"onmouseover=\"alert(1))"))
			.doesNotContain("<a ").contains("&quot;");
	}

	@Test
	void htmlInsideMarkupIsStillEscaped() {
		assertThat(InlineMarkup.toHtml("**<script>alert(1)</script>**"))
			.isEqualTo("<strong>&lt;script&gt;alert(1)&lt;/script&gt;</strong>");
		assertThat(InlineMarkup.toHtml("[<img src=x>](https://example.org)"))
			.isEqualTo("<a href=\"https://example.org\" rel=\"nofollow noopener noreferrer\">&lt;img src=x&gt;</a>");
	}

	@Test
	void unmatchedMarkersStayAsTyped() {
		assertThat(InlineMarkup.toHtml("5 * 3 = 15 and **open")).isEqualTo("5 * 3 = 15 and **open");
		assertThat(InlineMarkup.toHtml("[not a link] (really)")).isEqualTo("[not a link] (really)");
		assertThat(InlineMarkup.toHtml("****")).isEqualTo("****");
	}

	@Test
	void koreanTextPassesThroughUnchanged() {
		assertThat(InlineMarkup.toHtml("서울 **첫 서리** 관측")).isEqualTo("서울 <strong>첫 서리</strong> 관측");
	}
}
