package org.newsroom.article.story;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.newsroom.article.config.SiteProperties;

import static org.assertj.core.api.Assertions.assertThat;

class PageMetadataTest {

	static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

	@Test
	void kakaoSharingIsOfferedOnlyWithAnAppKey() {
		Article article = article("Cherry blossoms arrive early", null);
		assertThat(pages("").view(article, false).share().kakao()).isNull();
		assertThat(pages(null).view(article, false).share().kakao()).isNull();
		ArticleView.Kakao kakao = pages("js-key").view(article, false).share().kakao();
		assertThat(kakao.appKey()).isEqualTo("js-key");
		assertThat(kakao.webUrl()).isEqualTo("https://daily.example/news/cherry-blossoms-arrive-early");
	}

	@Test
	void withoutALeadPhotoThereIsNoOgImageAndTheDescriptionFallsBackToTheFirstParagraph() {
		Article article = article("Markets calm", null);
		ArticleView view = pages(null).view(article, false);
		assertThat(view.seo().ogImage()).isNull();
		assertThat(view.seo().jsonLd()).doesNotContainKey("image").containsEntry("datePublished", NOW.toString());
		assertThat(view.seo().description()).isEqualTo("Stocks were flat in quiet trade.");
		assertThat(view.links().web()).isEqualTo("https://daily.example/news/markets-calm");
	}

	@Test
	void thePublisherHasARasterLogo() {
		Object publisher = pages(null).view(article("Markets calm", null), false).seo().jsonLd().get("publisher");
		assertThat(publisher).isEqualTo(Map.of("@type", "Organization", "name", "Daily", "url", "https://daily.example/",
				"logo", Map.of("@type", "ImageObject", "url", "https://daily.example/assets/logo.png", "width", 512,
						"height", 512)));
	}

	@Test
	void anEditorialBoardIsAnOrganizationAndAReporterAPerson() {
		Article article = article("Our view: fund the glacier monitors", null, List.of("The Editorial Board", "Kim Min-ji"));
		assertThat(pages(null).view(article, false).seo().jsonLd().get("author"))
			.isEqualTo(List.of(Map.of("@type", "Organization", "name", "The Editorial Board"),
					Map.of("@type", "Person", "name", "Kim Min-ji")));
		assertThat(PageMetadata.isOrganization("Business Desk")).isTrue();
		assertThat(PageMetadata.isOrganization("Theodore Park")).isFalse();
	}

	@Test
	void longDescriptionsAreCutAtAWord() {
		String text = "word ".repeat(100).strip();
		assertThat(PageMetadata.shorten(text, 200)).endsWith("word…").hasSizeLessThanOrEqualTo(200);
	}

	private static PageMetadata pages(String kakaoKey) {
		return new PageMetadata(new SiteProperties("https://daily.example/", "Daily", kakaoKey));
	}

	private static Article article(String headline, String lead) {
		return article(headline, lead, List.of());
	}

	private static Article article(String headline, String lead, List<String> byline) {
		ArticleContent content = new ArticleContent(headline, null, null,
				List.of(new Block(Block.PARAGRAPH, "Stocks were **flat** in quiet trade.", null, null, null, null)), "business",
				List.of(), byline, "Yonhap", null, "en", lead, List.of(), null);
		return new Article("65e000000000000000000001", Slugs.fromHeadline(headline), content, ArticleStatus.PUBLISHED, null,
				null, NOW, NOW, NOW, NOW, List.of(), List.of(), null, null, null, 1L);
	}
}
