package org.newsroom.article.feed;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
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
 * headline, the summary as plain text, the canonical link, authors, section and tags.
 */
@Component
public class Feeds {

	public static final String RSS = "rss_2.0";
	public static final String ATOM = "atom_1.0";

	private final SiteProperties site;
	private final PageMetadata pages;

	public Feeds(SiteProperties site, PageMetadata pages) {
		this.site = site;
		this.pages = pages;
	}

	/** @param section null for the whole site */
	public String write(String type, String section, String selfUrl, List<Article> articles) {
		SyndFeed feed = new SyndFeedImpl();
		feed.setFeedType(type);
		feed.setTitle(section == null ? site.siteName() : site.siteName() + " - " + section);
		feed.setDescription(section == null ? "Latest articles from " + site.siteName()
				: "Latest " + section + " articles from " + site.siteName());
		feed.setLink(site.base() + "/");
		feed.setUri(selfUrl);
		SyndLink self = new SyndLinkImpl();
		self.setRel("self");
		self.setHref(selfUrl);
		self.setType(type.equals(ATOM) ? "application/atom+xml" : "application/rss+xml");
		SyndLink home = new SyndLinkImpl();
		home.setRel("alternate");
		home.setHref(site.base() + "/");
		home.setType("text/html");
		feed.setLinks(List.of(home, self));
		feed.setLanguage(articles.isEmpty() ? null : articles.get(0).content().language());
		feed.setPublishedDate(articles.isEmpty() ? new Date() : Date.from(articles.get(0).updatedAt()));
		List<SyndEntry> entries = new ArrayList<>();
		for (Article article : articles) {
			entries.add(entry(article));
		}
		feed.setEntries(entries);
		try {
			return new SyndFeedOutput().outputString(feed, true);
		}
		catch (FeedException e) {
			throw new IllegalStateException("feed could not be written", e);
		}
	}

	private SyndEntry entry(Article article) {
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
		List<SyndPerson> authors = new ArrayList<>();
		for (String name : c.byline()) {
			SyndPerson person = new SyndPersonImpl();
			person.setName(name);
			authors.add(person);
		}
		if (authors.isEmpty() && c.source() != null) {
			SyndPerson agency = new SyndPersonImpl();
			agency.setName(c.source());
			authors.add(agency);
		}
		entry.setAuthors(authors);
		List<SyndCategory> categories = new ArrayList<>();
		categories.add(category(c.section()));
		c.tags().forEach(tag -> categories.add(category(tag)));
		entry.setCategories(categories);
		return entry;
	}

	private static SyndCategory category(String name) {
		SyndCategory category = new SyndCategoryImpl();
		category.setName(name);
		return category;
	}
}
