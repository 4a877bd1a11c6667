package org.newsroom.gateway.web;

import org.newsroom.platform.text.InlineMarkup;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.newsroom.gateway.contract.Answer;
import org.newsroom.gateway.contract.Article;
import org.newsroom.gateway.contract.ArticleSummary;
import org.newsroom.gateway.contract.Rendition;
import org.newsroom.gateway.contract.TopList;
import org.newsroom.gateway.page.ArticlePage;
import tools.jackson.databind.json.JsonMapper;

import static org.newsroom.gateway.web.PageText.moment;
import static org.newsroom.gateway.web.PageText.text;
import static org.newsroom.gateway.web.PageText.texts;

/**
 * What the article template shows, from the services' answers (contract/). Text fields stay raw here (the
 * template escapes them); the {@code html} of body blocks is built by {@link InlineMarkup},
 * which escapes first. Links and image addresses that are not the site's own or plain
 * http(s) are dropped.
 */
record ArticleView(String id, String slug, String headline, String deck, String section, List<String> byline,
		String source, String dateline, PageText.Moment published, PageText.Moment updated, List<Block> body,
		List<Correction> corrections, Share share, Seo seo, String jsonLd, Photo leadPhoto, List<TopEntry> top,
		List<Related> related, List<String> degraded, String language) {

	static ArticleView of(ArticlePage page, ZoneId zone, JsonMapper json) {
		Article article = page.article().read();
		Article.Seo seo = article.seo();
		Article.Share share = article.share();
		String canonical = webLink(text(seo.canonicalUrl())) != null ? text(seo.canonicalUrl())
				: webLink(text(article.links().web()));
		return new ArticleView(text(article.id()), text(article.slug()), text(article.headline()),
				text(article.deck()), text(article.section()), texts(article.byline()), text(article.source()),
				text(article.dateline()), moment(article.firstPublishedAt(), zone), moment(article.updatedAt(), zone),
				blocks(article.body()), corrections(article.corrections(), zone),
				new Share(webLink(text(share.facebook())), webLink(text(share.x())), webLink(text(share.kakao())),
						mailLink(text(share.email())), webLink(text(share.link())) != null ? text(share.link()) : canonical),
				Seo.of(firstNonNull(text(seo.title()), text(article.headline())),
						firstNonNull(text(seo.description()), text(article.summary())), canonical,
						webLink(text(seo.ogImage())), page.leadImage()),
				JsonLd.script(seo.jsonLd(), json), Photo.of(page.leadImage()), TopEntry.list(page.top()),
				Related.list(page.related()), page.degraded(), firstNonNull(text(article.language()), "en"));
	}

	/** The text size steps a reader can choose, smallest to largest. */
	static final List<Integer> FONT_STEPS = List.of(-2, -1, 0, 1, 2);

	public List<Integer> fontSteps() {
		return FONT_STEPS;
	}

	record Block(String type, String html, String attribution, Photo photo, String url) {
	}

	record Correction(PageText.Moment at, String text) {
	}

	record Share(String facebook, String x, String kakao, String email, String link) {
	}

	/**
	 * The head's metadata. The share image is the lead photo's {@code og} rendition: its size and
	 * alternative text come from media-service ({@code og:image:width}, {@code og:image:height},
	 * {@code og:image:alt}, which share cards use to lay out before they fetch, and to describe
	 * it); left out when the photo could not be read.
	 */
	record Seo(String title, String description, String canonicalUrl, String ogImage, Integer ogImageWidth,
			Integer ogImageHeight, String ogImageAlt) {

		static Seo of(String title, String description, String canonicalUrl, String ogImage,
				Answer<org.newsroom.gateway.contract.Photo> leadImage) {
			Integer width = null;
			Integer height = null;
			String alt = null;
			if (ogImage != null && leadImage != null) {
				org.newsroom.gateway.contract.Photo photo = leadImage.read();
				for (Rendition rendition : photo.renditions()) {
					if (rendition != null && "og".equals(rendition.name()) && rendition.width() > 0 && rendition.height() > 0) {
						width = rendition.width();
						height = rendition.height();
					}
				}
				alt = firstNonNull(text(photo.altText()), text(photo.caption()));
			}
			return new Seo(title, description, canonicalUrl, ogImage, width, height, alt);
		}
	}

	record TopEntry(int rank, String slug, String headline) {

		static List<TopEntry> list(Answer<TopList> top) {
			List<TopEntry> entries = new ArrayList<>();
			if (top != null) {
				for (TopList.Item item : top.read().items()) {
					String slug = text(item.slug());
					String headline = text(item.headline());
					if (slug != null && headline != null) {
						entries.add(new TopEntry(item.rank() != null ? item.rank() : entries.size() + 1, slug, headline));
					}
				}
			}
			return entries;
		}
	}

	record Related(String slug, String headline, String section) {

		static List<Related> list(List<Answer<ArticleSummary>> summaries) {
			List<Related> entries = new ArrayList<>();
			if (summaries != null) {
				for (Answer<ArticleSummary> summary : summaries) {
					ArticleSummary item = summary.read();
					if (text(item.slug()) != null && text(item.headline()) != null) {
						entries.add(new Related(text(item.slug()), text(item.headline()), text(item.section())));
					}
				}
			}
			return entries;
		}
	}

	/**
	 * A photo as the page shows it: the rendition for {@code src}, all web renditions for
	 * {@code srcset}, alt text, and a caption with the visible credit.
	 */
	record Photo(String src, String srcset, Integer width, Integer height, String alt, String caption,
			String credit) {

		/** Widths of the renditions media-service makes (docs/architecture.md, "media-service"), for body images. */
		private static final List<String[]> STANDARD = List.of(new String[] { "thumb", "320" },
				new String[] { "small", "640" }, new String[] { "medium", "1024" }, new String[] { "large", "1600" });

		static Photo of(Answer<org.newsroom.gateway.contract.Photo> answer) {
			if (answer == null) {
				return null;
			}
			org.newsroom.gateway.contract.Photo media = answer.read();
			List<Rendition> renditions = new ArrayList<>();
			for (Rendition rendition : media.renditions()) {
				if (rendition != null && !"og".equals(text(rendition.name())) && siteLink(text(rendition.url())) != null
						&& rendition.width() > 0) {
					renditions.add(rendition);
				}
			}
			if (renditions.isEmpty()) {
				return null;
			}
			renditions.sort(Comparator.comparingInt(Rendition::width));
			Rendition main = renditions.stream()
				.filter(r -> r.width() <= 1024)
				.reduce((a, b) -> b)
				.orElse(renditions.get(0));
			StringBuilder srcset = new StringBuilder();
			for (Rendition rendition : renditions) {
				if (!srcset.isEmpty()) {
					srcset.append(", ");
				}
				srcset.append(text(rendition.url())).append(' ').append(rendition.width()).append('w');
			}
			String caption = text(media.caption());
			String alt = firstNonNull(text(media.altText()), caption);
			int height = main.height();
			return new Photo(text(main.url()), srcset.toString(), main.width(),
					height > 0 ? height : null, alt != null ? alt : "", caption, text(media.credit()));
		}

		static Photo ofBlock(String mediaId, String caption) {
			if (mediaId == null || !mediaId.matches("[0-9a-f]{24}")) {
				return null;
			}
			StringBuilder srcset = new StringBuilder();
			for (String[] standard : STANDARD) {
				if (!srcset.isEmpty()) {
					srcset.append(", ");
				}
				srcset.append("/api/media/").append(mediaId).append("/renditions/").append(standard[0]).append(' ')
					.append(standard[1]).append('w');
			}
			return new Photo("/api/media/" + mediaId + "/renditions/medium", srcset.toString(), null, null,
					caption != null ? caption : "", caption, null);
		}
	}

	private static List<Block> blocks(List<Article.Block> body) {
		List<Block> blocks = new ArrayList<>();
		for (Article.Block block : body) {
			String type = block != null ? text(block.type()) : null;
			if (type == null) {
				continue;
			}
			switch (type) {
				case "paragraph", "heading" ->
					blocks.add(new Block(type, markup(text(block.text())), null, null, null));
				case "quote" -> blocks.add(new Block(type, markup(text(block.text())),
						text(block.attribution()), null, null));
				case "image" -> {
					Photo photo = Photo.ofBlock(text(block.mediaId()), text(block.caption()));
					if (photo != null) {
						blocks.add(new Block(type, null, null, photo, null));
					}
				}
				case "embed" -> {
					String url = webLink(text(block.url()));
					if (url != null) {
						blocks.add(new Block(type, null, null, null, url));
					}
				}
				default -> {
					// a block type this edition does not know yet is left out rather than shown raw
				}
			}
		}
		return blocks;
	}

	private static List<Correction> corrections(List<Article.Correction> corrections, ZoneId zone) {
		List<Correction> list = new ArrayList<>();
		for (Article.Correction correction : corrections) {
			String text = correction != null ? text(correction.text()) : null;
			if (text != null) {
				list.add(new Correction(moment(correction.at(), zone), text));
			}
		}
		return list;
	}

	static String webLink(String url) {
		return url != null && InlineMarkup.urlProblem(url) == null ? url : null;
	}

	/** Body text as HTML; a block without text renders empty. */
	private static String markup(String text) {
		return text == null ? "" : InlineMarkup.toHtml(text);
	}

	private static String mailLink(String url) {
		return url != null && url.startsWith("mailto:") && url.indexOf('"') < 0 && url.indexOf('<') < 0 ? url : null;
	}

	/** A path on this site ("/api/media/..."), never a protocol-relative "//host" address. */
	static String siteLink(String url) {
		return url != null && url.startsWith("/") && !url.startsWith("//") && url.indexOf('\\') < 0 ? url : null;
	}

	static String firstNonNull(String first, String second) {
		return first != null ? first : second;
	}
}
