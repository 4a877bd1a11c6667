package org.newsroom.article.search;

import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.newsroom.article.story.ArticleView;
import org.newsroom.article.story.Callers;
import org.newsroom.article.story.PageMetadata;
import org.newsroom.article.config.ArticleProperties;
import org.newsroom.platform.http.ReaderCaching;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.Explode;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.newsroom.platform.openapi.Answers;

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
@Tag(name = "Search and listings", description = "Published articles newest first, by section, tag, source or author; full-text search in English and Korean; summaries by id")
class ListingController {

	private final ArticleListing listing;
	private final PageMetadata pages;
	private final ArticleProperties properties;

	ListingController(ArticleListing listing, PageMetadata pages, ArticleProperties properties) {
		this.listing = listing;
		this.pages = pages;
		this.properties = properties;
	}

	record ArticlePage(List<ArticleView> items,
			@Schema(nullable = true, description = "Pass as `cursor` for the next page; null on the last page") String nextCursor) {
	}

	record Summary(String id, String slug, String headline, String section, @Schema(nullable = true) String leadMediaId,
			Instant firstPublishedAt) {
	}

	record Summaries(List<Summary> items) {
	}

	@GetMapping
	@Operation(operationId = "listArticles", summary = "List, filter and search articles",
			description = "Readers get published articles, newest first. `q` searches headline, deck, summary and body "
					+ "(English and Korean). `status` and `media` are for editors (403 otherwise).")
	@Parameters({
			@Parameter(in = ParameterIn.QUERY, name = "section", description = "One of the newspaper's sections",
					schema = @Schema(type = "string", example = "world")),
			@Parameter(in = ParameterIn.QUERY, name = "tag", schema = @Schema(type = "string", minLength = 1, maxLength = 100)),
			@Parameter(in = ParameterIn.QUERY, name = "source", schema = @Schema(type = "string", minLength = 1, maxLength = 100)),
			@Parameter(in = ParameterIn.QUERY, name = "author", description = "A name in the byline",
					schema = @Schema(type = "string", minLength = 1, maxLength = 100)),
			@Parameter(in = ParameterIn.QUERY, name = "q", description = "Words to search for",
					schema = @Schema(type = "string", maxLength = ListingParameters.MAX_QUERY)),
			@Parameter(in = ParameterIn.QUERY, name = "size", schema = @Schema(type = "integer", format = "int32",
					minimum = "1", maximum = "" + ListingParameters.MAX_SIZE, defaultValue = "" + ListingParameters.DEFAULT_SIZE)),
			@Parameter(in = ParameterIn.QUERY, name = "cursor", description = "`nextCursor` of the page before",
					schema = @Schema(type = "string")),
			@Parameter(in = ParameterIn.QUERY, name = "status", description = "Editors: one or more of DRAFT, SCHEDULED, "
					+ "PUBLISHED, WITHDRAWN, comma-separated", schema = @Schema(type = "string", example = "DRAFT,SCHEDULED")),
			@Parameter(in = ParameterIn.QUERY, name = "media", description = "Editors: the articles that show this photo",
					schema = @Schema(type = "string", pattern = "^[0-9a-f]{24}$")) })
	@Answers(notModified = true, problems = { 400, 403 })
	ResponseEntity<ArticlePage> list(HttpServletRequest request, Authentication caller) {
		boolean editor = Callers.isEditor(caller);
		ArticleQuery query = ListingParameters.query(request.getParameterMap(), editor, properties.sections());
		ArticleListing.Page page = listing.find(query);
		return ResponseEntity.ok()
			.cacheControl(editor ? ReaderCaching.forCredentials() : ReaderCaching.LIST.forCaller(caller == null))
			.body(new ArticlePage(page.items().stream().map(a -> pages.view(a, editor)).toList(), page.nextCursor()));
	}

	@GetMapping("/summaries")
	@Operation(operationId = "getArticleSummaries", summary = "Summaries of published articles by id",
			description = "In the order asked; ids that are not published are left out.")
	@Parameter(in = ParameterIn.QUERY, name = "ids", required = true, explode = Explode.FALSE,
			description = "Article ids, comma-separated (at most " + ListingParameters.MAX_SUMMARIES + ")",
			array = @ArraySchema(maxItems = ListingParameters.MAX_SUMMARIES,
					schema = @Schema(type = "string", pattern = "^[0-9a-f]{24}$")))
	@Answers(notModified = true, problems = { 400 })
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
