package org.newsroom.article.story;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.newsroom.platform.openapi.ApiDocument;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Parameter;
import org.newsroom.platform.http.ReaderCaching;
import org.newsroom.platform.problem.FieldProblem;
import org.newsroom.platform.problem.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.newsroom.platform.openapi.Answers;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/** Writing and reading single articles. Publishing is in publishing/, lists and search in search/. */
@RestController
@RequestMapping("/api/articles")
@Tag(name = "Articles", description = "Write and read single articles: drafts, edits (with If-Match), corrections, deletion")
class ArticleController {

	private final ArticleDesk articles;
	private final PageMetadata pages;
	private final PublishedArticles published;

	ArticleController(ArticleDesk articles, PageMetadata pages, PublishedArticles published) {
		this.articles = articles;
		this.pages = pages;
		this.published = published;
	}

	@PostMapping
	@Operation(operationId = "createArticle", summary = "Create a draft")
	@Answers(status = 201, problems = { 400, 413, 415, 422 })
	ResponseEntity<ArticleView> create(@RequestBody ArticleDraft draft, Authentication caller) {
		Article article = articles.draft(draft, Callers.name(caller));
		return ResponseEntity.created(URI.create("/api/articles/" + article.id()))
			.eTag(VersionPreconditions.etag(article))
			.body(pages.view(article, true));
	}

	@GetMapping("/{id}")
	@Operation(operationId = "getArticle", summary = "Read an article by id",
			description = "Readers get published articles only (a draft is not found); editors get every status.")
	@Answers(notModified = true, problems = { 400, 404, 410 })
	ResponseEntity<ArticleView> byId(
			@Parameter(description = "The article's id", schema = @Schema(type = "string", pattern = ApiDocument.OBJECT_ID,
					minLength = 24, maxLength = 24, example = "6752a1f0c3b9e54d2a1b7c90")) @PathVariable String id, Authentication caller, WebRequest request) {
		ArticleDesk.checkId(id);
		if (!Callers.isEditor(caller)) {
			return forReader(published.byId(id, () -> reading(articles.readable(id, caller))), caller, request);
		}
		return read(articles.readable(id, caller), caller, request);
	}

	@GetMapping("/slug/{slug}")
	@Operation(operationId = "getArticleBySlug", summary = "Read an article by its slug",
			description = "Readers get published articles only; editors get every status.")
	@Answers(notModified = true, problems = { 400, 404, 410 })
	ResponseEntity<ArticleView> bySlug(@Parameter(description = "The article's slug, made from its headline: letters and digits of any script "
			+ "joined by hyphens; longer than 200 characters is a 400",
			schema = @Schema(type = "string", minLength = 1, maxLength = 200, example = "ferries-run")) @PathVariable String slug, Authentication caller, WebRequest request) {
		if (slug.length() > 200) {
			throw Problems.badRequest("slug: at most 200 characters", List.of(new FieldProblem("slug", "at most 200 characters")));
		}
		if (!Callers.isEditor(caller)) {
			return forReader(published.bySlug(slug, () -> reading(articles.readableBySlug(slug, caller))), caller,
					request);
		}
		return read(articles.readableBySlug(slug, caller), caller, request);
	}

	/**
	 * Replaces the article's content; {@code If-Match} must carry the ETag of the version edited.
	 * The body may be the article as GET answered it, edited ({@link ArticleReplacement}).
	 */
	@PutMapping("/{id}")
	@Operation(operationId = "replaceArticle", summary = "Replace an article's content")
	@Answers(problems = { 400, 404, 409, 412, 413, 415, 422, 428 })
	ResponseEntity<ArticleView> update(
			@Parameter(description = "The article's id", schema = @Schema(type = "string", pattern = ApiDocument.OBJECT_ID,
					minLength = 24, maxLength = 24, example = "6752a1f0c3b9e54d2a1b7c90")) @PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestBody ArticleReplacement replacement, Authentication caller) {
		ArticleDesk.checkId(id);
		long version = VersionPreconditions.required(ifMatch);
		ArticleDraft draft = replacement.draftOf(articles.find(id), version);
		Article article = articles.update(id, version, draft, Callers.name(caller));
		return ResponseEntity.ok().eTag(VersionPreconditions.etag(article)).body(pages.view(article, true));
	}

	@PostMapping("/{id}/corrections")
	@Operation(operationId = "correctArticle", summary = "Append a correction to a published article")
	@Answers(status = 201, problems = { 400, 404, 409, 413, 415, 422 })
	ResponseEntity<ArticleView> correct(
			@Parameter(description = "The article's id", schema = @Schema(type = "string", pattern = ApiDocument.OBJECT_ID,
					minLength = 24, maxLength = 24, example = "6752a1f0c3b9e54d2a1b7c90")) @PathVariable String id, @RequestBody CorrectionRequest correction,
			Authentication caller) {
		Article article = articles.correct(ArticleDesk.checkId(id), correction.text(), Callers.name(caller));
		return ResponseEntity.created(URI.create("/api/articles/" + article.id()))
			.eTag(VersionPreconditions.etag(article))
			.body(pages.view(article, true));
	}

	@DeleteMapping("/{id}")
	@Operation(operationId = "deleteArticle", summary = "Delete an article")
	@Answers(status = 204, problems = { 400, 404 })
	ResponseEntity<Void> delete(
			@Parameter(description = "The article's id", schema = @Schema(type = "string", pattern = ApiDocument.OBJECT_ID,
					minLength = 24, maxLength = 24, example = "6752a1f0c3b9e54d2a1b7c90")) @PathVariable String id, Authentication caller) {
		articles.delete(ArticleDesk.checkId(id), Callers.name(caller));
		return ResponseEntity.noContent().build();
	}

	/** An editor's read: every status, straight from the store, never kept by any cache. */
	private ResponseEntity<ArticleView> read(Article article, Authentication caller, WebRequest request) {
		String etag = VersionPreconditions.etag(article);
		if (request.checkNotModified(etag)) {
			return ResponseEntity.status(304).eTag(etag).cacheControl(ReaderCaching.forCredentials()).build();
		}
		return ResponseEntity.ok()
			.eTag(etag)
			.cacheControl(ReaderCaching.forCredentials())
			.body(pages.view(article, Callers.isEditor(caller)));
	}

	/** A reader's read of a published article, from memory when it has not changed. */
	private ResponseEntity<ArticleView> forReader(Optional<PublishedArticles.Reading> found, Authentication caller,
			WebRequest request) {
		PublishedArticles.Reading reading = found.orElseThrow(ArticleNotFound::new);
		CacheControl caching = ReaderCaching.ARTICLE.forCaller(caller == null);
		if (request.checkNotModified(reading.etag())) {
			return ResponseEntity.status(304).eTag(reading.etag()).cacheControl(caching).build();
		}
		return ResponseEntity.ok().eTag(reading.etag()).cacheControl(caching).body(reading.view());
	}

	private PublishedArticles.Reading reading(Article article) {
		return new PublishedArticles.Reading(pages.view(article, false), VersionPreconditions.etag(article));
	}

	/** {@code {"text": "..."}}: what was wrong and what is right now. */
	record CorrectionRequest(String text) {
	}
}
