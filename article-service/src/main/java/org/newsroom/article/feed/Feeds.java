package org.newsroom.article.feed;

import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.rometools.modules.atom.modules.AtomLinkModule;
import com.rometools.modules.atom.modules.AtomLinkModuleImpl;
import com.rometools.modules.mediarss.MediaEntryModule;
import com.rometools.modules.mediarss.MediaEntryModuleImpl;
import com.rometools.modules.mediarss.types.Credit;
import com.rometools.modules.mediarss.types.MediaContent;
import com.rometools.modules.mediarss.types.Metadata;
import com.rometools.modules.mediarss.types.UrlReference;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEnclosureImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import org.newsroom.article.story.Article;
import org.newsroom.article.story.ArticleContent;
import org.newsroom.article.story.PageMetadata;
import org.newsroom.article.config.SiteProperties;

import org.springframework.stereotype.Component;

/**
 * RSS 2.0 and Atom 1.0 documents written by ROME (com.rometools:rome), which builds them as XML
 * trees (JDOM), so every text is escaped by the XML writer and never by hand. Entries carry the
 * headline, the summary as plain text, the canonical link, the dates, authors, section, tags,
 * language and lead photo:
 * <ul>
 * <li>authors: RSS's own {@code author} must be an e-mail address (RSS 2.0 specification), so
 * bylines go in {@code dc:creator}, one per name; Atom has {@code author/name}. Without a byline,
 * the agency ({@code source}) is the author, and without either, the publication.</li>
 * <li>the lead photo (from {@link LeadPhotos}): Media RSS {@code media:content} with its size,
 * type, {@code media:credit} and caption, in both formats; Atom also gets {@code link
 * rel="enclosure"}. RSS's {@code enclosure} is not used: it needs the file's length in bytes,
 * which nobody knows before the rendition is first made.</li>
 * <li>the feed's own address: {@code atom:link rel="self"} in RSS, {@code link rel="self"} in Atom
 * (RFC 4287 4.2.7).</li>
 * <li>language: the feed declares one only when every item is in it; each item says its own
 * ({@code dc:language}), so a section with English and Korean articles is never labelled
 * Korean.</li>
 * </ul>
 * docs/articles-api.md ("Feeds and sitemap") lists the fields per format.
 */
@Component
public class Feeds {

	public static final String RSS = "rss_2.0";
	public static final String ATOM = "atom_1.0";

	private final SiteProperties site;
	private final PageMetadata pages;
	private final LeadPhotos photos;

	public Feeds(SiteProperties site, PageMetadata pages, LeadPhotos photos) {
		this.site = site;
		this.pages = pages;
		this.photos = photos;
	}

	/** @param section null for the whole site */
	public String write(String type, String section, String selfUrl, List<Article> articles) {
		boolean rss = type.equals(RSS);
		SyndFeed feed = new SyndFeedImpl();
		feed.setFeedType(type);
		feed.setTitle(section == null ? site.siteName() : site.siteName() + " - " + section);
		feed.setDescription(section == null ? "Latest articles from " + site.siteName()
				: "Latest " + section + " articles from " + site.siteName());
		feed.setLink(site.base() + "/");
		feed.setUri(selfUrl);
		String selfType = rss ? "application/rss+xml" : "application/atom+xml";
		SyndLink self = new SyndLinkImpl();
		self.setRel("self");
		self.setHref(selfUrl);
		self.setType(selfType);
		SyndLink home = new SyndLinkImpl();
		home.setRel("alternate");
		home.setHref(site.base() + "/");
		home.setType("text/html");
		feed.setLinks(List.of(home, self));
		if (rss) {
			// ROME writes SyndFeed links into Atom only; RSS carries its own address as atom:link
			Link atomSelf = new Link();
			atomSelf.setRel("self");
			atomSelf.setHref(selfUrl);
			atomSelf.setType(selfType);
			AtomLinkModule selfLink = new AtomLinkModuleImpl();
			selfLink.setLink(atomSelf);
			feed.getModules().add(selfLink);
		}
		feed.setLanguage(commonLanguage(articles));
		feed.setPublishedDate(articles.isEmpty() ? new Date() : Date.from(articles.get(0).updatedAt()));
		Map<String, LeadPhotos.FeedPhoto> leadPhotos = photos.of(articles);
		List<SyndEntry> entries = new ArrayList<>();
		for (Article article : articles) {
			entries.add(entry(article, rss, leadPhotos.get(article.content().leadMediaId())));
		}
		feed.setEntries(entries);
		try {
			return new SyndFeedOutput().outputString(feed, true);
		}
		catch (FeedException e) {
			throw new IllegalStateException("feed could not be written", e);
		}
	}

	/** The language every article is in, or null when they differ (or there are none). */
	static String commonLanguage(List<Article> articles) {
		Set<String> languages = new HashSet<>();
		articles.forEach(article -> languages.add(article.content().language()));
		return languages.size() == 1 ? languages.iterator().next() : null;
	}

	private SyndEntry entry(Article article, boolean rss, LeadPhotos.FeedPhoto photo) {
		ArticleContent c = article.content();
		SyndEntry entry = new SyndEntryImpl();
		String url = pages.webUrl(article);
		entry.setTitle(c.headline());
		entry.setLink(url);
		entry.setUri(url);
		entry.setPublishedDate(Date.from(article.firstPublishedAt()));
		entry.setUpdatedDate(Date.from(article.updatedAt()));
		SyndContent description = new SyndContentImpl();
		description.setType("text/plain");
		description.setValue(pages.description(article));
		entry.setDescription(description);
		List<String> names = new ArrayList<>(c.byline());
		if (names.isEmpty()) {
			// Atom needs an author with a name for every entry (RFC 4287 4.1.2, 3.2.1)
			names.add(c.source() != null ? c.source() : site.siteName());
		}
		List<SyndPerson> authors = new ArrayList<>();
		for (String name : names) {
			SyndPerson person = new SyndPersonImpl();
			person.setName(name);
			authors.add(person);
		}
		entry.setAuthors(authors);
		DCModule dc = (DCModule) entry.getModule(DCModule.URI);
		dc.setLanguage(c.language());
		if (rss) {
			dc.setCreators(names);
		}
		List<SyndCategory> categories = new ArrayList<>();
		categories.add(category(c.section()));
		c.tags().forEach(tag -> categories.add(category(tag)));
		entry.setCategories(categories);
		if (photo != null) {
			entry.getModules().add(media(photo));
			if (!rss) {
				SyndEnclosure enclosure = new SyndEnclosureImpl();
				enclosure.setUrl(photo.url());
				enclosure.setType(LeadPhotos.TYPE);
				entry.setEnclosures(List.of(enclosure));
			}
		}
		return entry;
	}

	private static MediaEntryModule media(LeadPhotos.FeedPhoto photo) {
		MediaContent content;
		try {
			content = new MediaContent(new UrlReference(photo.url()));
		}
		catch (URISyntaxException e) {
			throw new IllegalStateException("media-service gave a photo URL that is not a URI: " + photo.url(), e);
		}
		content.setMedium("image");
		content.setType(LeadPhotos.TYPE);
		content.setWidth(photo.width());
		content.setHeight(photo.height());
		Metadata metadata = new Metadata();
		if (photo.credit() != null) {
			metadata.setCredits(new Credit[] { new Credit(null, null, photo.credit()) });
		}
		if (photo.caption() != null) {
			metadata.setDescription(photo.caption());
			metadata.setDescriptionType("plain");
		}
		content.setMetadata(metadata);
		MediaEntryModuleImpl module = new MediaEntryModuleImpl();
		module.setMediaContents(new MediaContent[] { content });
		return module;
	}

	private static SyndCategory category(String name) {
		SyndCategory category = new SyndCategoryImpl();
		category.setName(name);
		return category;
	}
}
