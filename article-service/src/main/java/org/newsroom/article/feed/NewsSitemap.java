package org.newsroom.article.feed;

import java.io.StringWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.newsroom.article.story.Article;
import org.newsroom.article.story.PageMetadata;
import org.newsroom.article.config.SiteProperties;

import org.springframework.stereotype.Component;

/**
 * A Google News sitemap (sitemaps.org urlset with the {@code news:} extension). No maintained
 * Java library writes the news extension (ROME does RSS and Atom only), so it is written with the
 * JDK's StAX writer, which escapes every text and attribute.
 */
@Component
public class NewsSitemap {

	static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
	static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";

	/** Google reads at most this many news URLs from one sitemap. */
	public static final int MAX_URLS = 1000;

	private final SiteProperties site;
	private final PageMetadata pages;

	public NewsSitemap(SiteProperties site, PageMetadata pages) {
		this.site = site;
		this.pages = pages;
	}

	public String write(List<Article> articles) {
		StringWriter out = new StringWriter();
		try {
			XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
			xml.writeStartDocument("UTF-8", "1.0");
			xml.setDefaultNamespace(SITEMAP_NS);
			xml.setPrefix("news", NEWS_NS);
			xml.writeStartElement(SITEMAP_NS, "urlset");
			xml.writeDefaultNamespace(SITEMAP_NS);
			xml.writeNamespace("news", NEWS_NS);
			for (Article article : articles) {
				xml.writeStartElement(SITEMAP_NS, "url");
				element(xml, SITEMAP_NS, "loc", pages.webUrl(article));
				xml.writeStartElement(NEWS_NS, "news");
				xml.writeStartElement(NEWS_NS, "publication");
				element(xml, NEWS_NS, "name", site.siteName());
				element(xml, NEWS_NS, "language", newsLanguage(article.content().language()));
				xml.writeEndElement();
				element(xml, NEWS_NS, "publication_date",
						DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(article.firstPublishedAt().atOffset(ZoneOffset.UTC)));
				element(xml, NEWS_NS, "title", article.content().headline());
				xml.writeEndElement();
				xml.writeEndElement();
			}
			xml.writeEndElement();
			xml.writeEndDocument();
			xml.close();
		}
		catch (XMLStreamException e) {
			throw new IllegalStateException("sitemap could not be written", e);
		}
		return out.toString();
	}

	/** Google wants ISO 639 codes, except zh-cn and zh-tw for Chinese. */
	static String newsLanguage(String language) {
		String lower = language.toLowerCase(Locale.ROOT);
		if (lower.startsWith("zh")) {
			return lower.contains("tw") || lower.contains("hant") ? "zh-tw" : "zh-cn";
		}
		int dash = lower.indexOf('-');
		return dash > 0 ? lower.substring(0, dash) : lower;
	}

	private static void element(XMLStreamWriter xml, String ns, String name, String text) throws XMLStreamException {
		xml.writeStartElement(ns, name);
		xml.writeCharacters(text);
		xml.writeEndElement();
	}
}
