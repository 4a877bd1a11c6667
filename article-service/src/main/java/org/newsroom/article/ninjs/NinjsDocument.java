package org.newsroom.article.ninjs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.newsroom.article.story.Article;
import org.newsroom.article.story.ArticleContent;
import org.newsroom.article.story.Block;
import org.newsroom.platform.text.InlineMarkup;
import org.newsroom.article.story.PageMetadata;
import org.newsroom.article.config.SiteProperties;
import org.newsroom.article.media.MediaClient;
import org.newsroom.article.media.PhotoMetadata;

import org.springframework.stereotype.Component;

/**
 * An article as an IPTC ninjs 3.0 news item (property names as in the 3.0 schema: camelCase; the
 * document is valid against the 3.0 and 3.1 schemas, which NinjsSchemaTest checks). The lead
 * photo is an association with its credit ({@code by}), caption, alternative text and renditions, read
 * from media-service. When media-service cannot answer, the association still names the photo,
 * marked {@code "representationType": "partial"}, and the document is served: a feed consumer
 * loses the credit detail for a moment, never the article.
 */
@Component
public class NinjsDocument {

	public static final String SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_3.0.json";

	/**
	 * The {@code descriptions} role of a photo's alternative text. ninjs has no property of its
	 * own for it (an association allows only the ninjs properties, and a description's role is
	 * the provider's to name), so it is a plain-text description beside the caption.
	 */
	public static final String ALT_TEXT_ROLE = "alt-text";

	private final SiteProperties site;
	private final PageMetadata pages;
	private final MediaClient media;

	public NinjsDocument(SiteProperties site, PageMetadata pages, MediaClient media) {
		this.site = site;
		this.pages = pages;
		this.media = media;
	}

	public Map<String, Object> of(Article article) {
		ArticleContent c = article.content();
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("standard", Map.of("name", "ninjs", "version", "3.0", "schema", SCHEMA));
		item.put("uri", pages.links(article).self());
		item.put("type", "text");
		item.put("representationType", "full");
		item.put("version", Long.toString(article.currentVersion()));
		item.put("firstCreated", article.createdAt().toString());
		item.put("versionCreated", article.updatedAt().toString());
		item.put("pubStatus", pubStatus(article));
		if (c.embargoUntil() != null) {
			item.put("embargoedUntil", c.embargoUntil().toString());
		}
		item.put("language", c.language());
		List<Map<String, Object>> headlines = new ArrayList<>();
		headlines.add(Map.of("role", "main", "value", c.headline()));
		if (c.deck() != null) {
			headlines.add(Map.of("role", "sub", "value", c.deck()));
		}
		item.put("headlines", headlines);
		if (c.summary() != null) {
			item.put("descriptions", List.of(Map.of("role", "summary", "contentType", "text/plain", "value", c.summary())));
		}
		item.put("bodies", bodies(c));
		if (!c.byline().isEmpty()) {
			item.put("by", String.join(", ", c.byline()));
		}
		if (c.source() != null) {
			item.put("infoSources", List.of(Map.of("name", c.source(), "role", "source")));
		}
		List<Map<String, Object>> subjects = new ArrayList<>();
		subjects.add(Map.of("name", c.section(), "literal", c.section(), "rel", "section"));
		c.tags().forEach(tag -> subjects.add(Map.of("name", tag, "literal", tag, "rel", "tag")));
		item.put("subjects", subjects);
		if (c.dateline() != null) {
			item.put("located", c.dateline());
		}
		if (c.leadMediaId() != null) {
			item.put("associations", List.of(leadPhoto(c.leadMediaId())));
		}
		return item;
	}

	private static String pubStatus(Article article) {
		return switch (article.status()) {
			case PUBLISHED -> "usable";
			case WITHDRAWN -> "canceled";
			case DRAFT, SCHEDULED -> "withheld";
		};
	}

	private static List<Map<String, Object>> bodies(ArticleContent c) {
		StringBuilder html = new StringBuilder();
		StringBuilder plain = new StringBuilder();
		for (Block block : c.body()) {
			switch (block.type()) {
				case Block.PARAGRAPH -> html.append("<p>").append(InlineMarkup.toHtml(block.text())).append("</p>");
				case Block.HEADING -> html.append("<h2>").append(InlineMarkup.toHtml(block.text())).append("</h2>");
				case Block.QUOTE -> {
					html.append("<blockquote><p>").append(InlineMarkup.toHtml(block.text())).append("</p>");
					if (block.attribution() != null) {
						html.append("<cite>").append(InlineMarkup.escapeHtml(block.attribution())).append("</cite>");
					}
					html.append("</blockquote>");
				}
				case Block.EMBED -> html.append("<p><a href=\"")
					.append(InlineMarkup.escapeHtml(block.url()))
					.append("\" rel=\"nofollow noopener noreferrer\">")
					.append(InlineMarkup.escapeHtml(block.url()))
					.append("</a></p>");
				default -> {
					// images are associations, not body text
				}
			}
		}
		for (String line : c.bodyPlainText()) {
			if (!plain.isEmpty()) {
				plain.append("\n\n");
			}
			plain.append(line);
		}
		String text = plain.toString();
		int words = text.isBlank() ? 0 : text.strip().split("\\s+").length;
		return List.of(
				Map.of("role", "main", "contentType", "text/html", "value", html.toString()),
				Map.of("role", "main", "contentType", "text/plain", "value", text, "charCount",
						text.codePointCount(0, text.length()), "wordCount", words));
	}

	private Map<String, Object> leadPhoto(String mediaId) {
		Map<String, Object> photo = new LinkedHashMap<>();
		photo.put("name", "leadImage");
		photo.put("type", "picture");
		photo.put("uri", site.base() + "/api/media/" + mediaId);
		// unknown to media-service, or media-service not answering: the photo is named, without detail
		Optional<PhotoMetadata> metadata = media.photoOrNone(mediaId).photo();
		if (metadata.isEmpty()) {
			photo.put("representationType", "partial");
			return photo;
		}
		PhotoMetadata p = metadata.get();
		photo.put("representationType", "full");
		if (p.credit() != null) {
			photo.put("by", p.credit());
		}
		List<Map<String, Object>> descriptions = new ArrayList<>();
		if (p.caption() != null) {
			descriptions.add(Map.of("role", "caption", "value", p.caption()));
		}
		if (p.altText() != null) {
			descriptions.add(Map.of("role", ALT_TEXT_ROLE, "contentType", "text/plain", "value", p.altText()));
		}
		if (!descriptions.isEmpty()) {
			photo.put("descriptions", descriptions);
		}
		if (p.copyrightNotice() != null) {
			photo.put("copyrightNotice", p.copyrightNotice());
		}
		if (p.usageTerms() != null) {
			photo.put("usageTerms", p.usageTerms());
		}
		if (p.renditions() != null) {
			photo.put("renditions", p.renditions().stream().map(this::rendition).toList());
		}
		return photo;
	}

	private Map<String, Object> rendition(PhotoMetadata.Rendition r) {
		Map<String, Object> rendition = new LinkedHashMap<>();
		rendition.put("name", r.name());
		if (r.url() != null) {
			// media-service gives site-relative URLs
			rendition.put("href", r.url().startsWith("/") ? site.base() + r.url() : r.url());
		}
		rendition.put("contentType", "image/jpeg");
		if (r.width() != null) {
			rendition.put("width", r.width());
		}
		if (r.height() != null) {
			rendition.put("height", r.height());
		}
		return rendition;
	}
}
