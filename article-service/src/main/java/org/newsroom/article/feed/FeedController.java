package org.newsroom.article.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.newsroom.article.story.Article;
import org.newsroom.article.story.ArticleNotFound;
import org.newsroom.article.story.ArticleStatus;
import org.newsroom.article.story.ArticleStore;
import org.newsroom.article.config.ArticleProperties;
import org.newsroom.article.config.SiteProperties;
import org.newsroom.platform.http.ReaderCaching;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.BasicQuery;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Feeds and the news sitemap: published articles only, newest first. */
@RestController
class FeedController {

	static final int FEED_ITEMS = 50;
	static final Duration NEWS_WINDOW = Duration.ofHours(48);
	static final MediaType RSS = MediaType.parseMediaType("application/rss+xml;charset=UTF-8");
	static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");
	static final MediaType XML = MediaType.parseMediaType("application/xml;charset=UTF-8");

	private final ArticleStore store;
	private final Feeds feeds;
	private final NewsSitemap sitemap;
	private final ArticleProperties properties;
	private final SiteProperties site;

	FeedController(ArticleStore store, Feeds feeds, NewsSitemap sitemap, ArticleProperties properties,
			SiteProperties site) {
		this.store = store;
		this.feeds = feeds;
		this.sitemap = sitemap;
		this.properties = properties;
		this.site = site;
	}

	@GetMapping("/feeds/rss.xml")
	ResponseEntity<String> rss() {
		return feed(Feeds.RSS, null, "/feeds/rss.xml", RSS);
	}

	@GetMapping("/feeds/atom.xml")
	ResponseEntity<String> atom() {
		return feed(Feeds.ATOM, null, "/feeds/atom.xml", ATOM);
	}

	@GetMapping("/feeds/{section}/rss.xml")
	ResponseEntity<String> sectionRss(@PathVariable String section) {
		return feed(Feeds.RSS, known(section), "/feeds/" + section + "/rss.xml", RSS);
	}

	@GetMapping("/feeds/{section}/atom.xml")
	ResponseEntity<String> sectionAtom(@PathVariable String section) {
		return feed(Feeds.ATOM, known(section), "/feeds/" + section + "/atom.xml", ATOM);
	}

	@GetMapping("/sitemaps/news.xml")
	ResponseEntity<String> news() {
		Instant since = Instant.now().minus(NEWS_WINDOW);
		Document filter = new Document("status", ArticleStatus.PUBLISHED.name()).append("firstPublishedAt",
				new Document("$gte", Date.from(since)));
		Query query = new BasicQuery(filter).with(Sort.by(Sort.Order.desc("firstPublishedAt"), Sort.Order.desc("_id")))
			.limit(NewsSitemap.MAX_URLS);
		return xml(sitemap.write(store.readAll(query)), XML);
	}

	private ResponseEntity<String> feed(String type, String section, String path, MediaType mediaType) {
		Document filter = new Document("status", ArticleStatus.PUBLISHED.name());
		if (section != null) {
			filter.append("content.section", section);
		}
		Query query = new BasicQuery(filter).with(Sort.by(Sort.Order.desc("listedAt"), Sort.Order.desc("_id")))
			.limit(FEED_ITEMS);
		List<Article> articles = store.readAll(query);
		return xml(feeds.write(type, section, site.base() + path, articles), mediaType);
	}

	private String known(String section) {
		if (!properties.sections().contains(section)) {
			throw new ArticleNotFound();
		}
		return section;
	}

	private static ResponseEntity<String> xml(String body, MediaType type) {
		return ResponseEntity.ok().contentType(type).cacheControl(ReaderCaching.FEED.forReaders()).body(body);
	}
}
