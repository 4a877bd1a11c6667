package org.newsroom.article.article;

import java.net.URI;
import java.util.List;

import org.newsroom.platform.problem.FieldProblem;
import org.newsroom.platform.problem.Problems;

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
class ArticleController {

	private final Newsroom newsroom;
	private final PageMetadata pages;

	ArticleController(Newsroom newsroom, PageMetadata pages) {
		this.newsroom = newsroom;
		this.pages = pages;
	}

	@PostMapping
	ResponseEntity<ArticleView> create(@RequestBody ArticleDraft draft, Authentication caller) {
		Article article = newsroom.draft(draft, Callers.name(caller));
		return ResponseEntity.created(URI.create("/api/articles/" + article.id()))
			.eTag(VersionPreconditions.etag(article))
			.body(pages.view(article, true));
	}

	@GetMapping("/{id}")
	ResponseEntity<ArticleView> byId(@PathVariable String id, Authentication caller, WebRequest request) {
		return read(newsroom.readable(Newsroom.checkId(id), caller), caller, request);
	}

	@GetMapping("/slug/{slug}")
	ResponseEntity<ArticleView> bySlug(@PathVariable String slug, Authentication caller, WebRequest request) {
		if (slug.length() > 200) {
			throw Problems.badRequest("slug: at most 200 characters", List.of(new FieldProblem("slug", "at most 200 characters")));
		}
		return read(newsroom.readableBySlug(slug, caller), caller, request);
	}

	/** Replaces the article's content; {@code If-Match} must carry the ETag of the version edited. */
	@PutMapping("/{id}")
	ResponseEntity<ArticleView> update(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, @RequestBody ArticleDraft draft,
			Authentication caller) {
		Newsroom.checkId(id);
		long version = VersionPreconditions.required(ifMatch);
		Article article = newsroom.update(id, version, draft, Callers.name(caller));
		return ResponseEntity.ok().eTag(VersionPreconditions.etag(article)).body(pages.view(article, true));
	}

	@PostMapping("/{id}/corrections")
	ResponseEntity<ArticleView> correct(@PathVariable String id, @RequestBody CorrectionRequest correction,
			Authentication caller) {
		Article article = newsroom.correct(Newsroom.checkId(id), correction.text(), Callers.name(caller));
		return ResponseEntity.created(URI.create("/api/articles/" + article.id()))
			.eTag(VersionPreconditions.etag(article))
			.body(pages.view(article, true));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable String id, Authentication caller) {
		newsroom.delete(Newsroom.checkId(id), Callers.name(caller));
		return ResponseEntity.noContent().build();
	}

	private ResponseEntity<ArticleView> read(Article article, Authentication caller, WebRequest request) {
		String etag = VersionPreconditions.etag(article);
		if (request.checkNotModified(etag)) {
			return ResponseEntity.status(304).eTag(etag).build();
		}
		return ResponseEntity.ok().eTag(etag).body(pages.view(article, Callers.isEditor(caller)));
	}

	/** {@code {"text": "..."}}: what was wrong and what is right now. */
	record CorrectionRequest(String text) {
	}
}
