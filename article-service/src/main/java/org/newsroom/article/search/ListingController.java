package org.newsroom.article.search;

import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.newsroom.article.story.ArticleView;
import org.newsroom.article.story.Callers;
import org.newsroom.article.story.PageMetadata;
import org.newsroom.article.config.ArticleProperties;
import org.newsroom.platform.http.ReaderCaching;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/articles} (list, filter, search) and {@code GET /api/articles/summaries}. The
 * parameters and their refusals (a 400 naming the parameter) are in {@link ListingParameters}.
 */
@RestController
@RequestMapping("/api/articles")
class ListingController {

	private final ArticleListing listing;
	private final PageMetadata pages;
	private final ArticleProperties properties;

	ListingController(ArticleListing listing, PageMetadata pages, ArticleProperties properties) {
		this.listing = listing;
		this.pages = pages;
		this.properties = properties;
	}

	record ArticlePage(List<ArticleView> items, String nextCursor) {
	}

	record Summary(String id, String slug, String headline, String section, String leadMediaId,
			Instant firstPublishedAt) {
	}

	record Summaries(List<Summary> items) {
	}

	@GetMapping
	ResponseEntity<ArticlePage> list(HttpServletRequest request, Authentication caller) {
		boolean editor = Callers.isEditor(caller);
		ArticleQuery query = ListingParameters.query(request.getParameterMap(), editor, properties.sections());
		ArticleListing.Page page = listing.find(query);
		return ResponseEntity.ok()
			.cacheControl(editor ? ReaderCaching.forCredentials() : ReaderCaching.LIST.forCaller(caller == null))
			.body(new ArticlePage(page.items().stream().map(a -> pages.view(a, editor)).toList(), page.nextCursor()));
	}

	@GetMapping("/summaries")
	ResponseEntity<Summaries> summaries(HttpServletRequest request, Authentication caller) {
		List<String> ids = ListingParameters.summaryIds(request.getParameterMap());
		return ResponseEntity.ok()
			.cacheControl(ReaderCaching.LIST.forCaller(caller == null))
			.body(new Summaries(listing.publishedIn(ids)
				.stream()
				.map(a -> new Summary(a.id(), a.slug(), a.content().headline(), a.content().section(),
						a.content().leadMediaId(), a.firstPublishedAt()))
				.toList()));
	}
}
