package org.newsroom.article.publishing;

import java.time.Instant;

import org.newsroom.platform.openapi.ApiDocument;
import io.swagger.v3.oas.annotations.Parameter;
import org.newsroom.article.story.Article;
import org.newsroom.article.story.ArticleView;
import org.newsroom.article.story.Callers;
import org.newsroom.article.story.ArticleDesk;
import org.newsroom.article.story.PageMetadata;
import org.newsroom.article.story.VersionPreconditions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.newsroom.platform.openapi.Answers;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/articles/{id}")
@Tag(name = "Publishing", description = "Publish now or at a time, and withdraw; publishing checks every photo's credit and rights first")
class PublishingController {

	private final PublishingDesk desk;
	private final PageMetadata pages;

	PublishingController(PublishingDesk desk, PageMetadata pages) {
		this.desk = desk;
		this.pages = pages;
	}

	/** No body (or no {@code at}): publish now. {@code {"at": "2026-05-01T06:00:00Z"}}: schedule. */
	@PostMapping("/publish")
	@Operation(operationId = "publishArticle", summary = "Publish an article now, or schedule it",
			description = "No body (or no `at`): publish now. `{\"at\": \"2026-05-01T06:00:00Z\"}`: schedule. "
					+ "Refused (422, photo-not-usable) while a photo it shows has no credit, expired rights or was taken down.")
	@Answers(problems = { 400, 404, 409, 413, 415, 422 })
	ResponseEntity<ArticleView> publish(
			@Parameter(description = "The article's id", schema = @Schema(type = "string", pattern = ApiDocument.OBJECT_ID,
					minLength = 24, maxLength = 24, example = "6752a1f0c3b9e54d2a1b7c90")) @PathVariable String id, @RequestBody(required = false) PublishRequest request,
			Authentication caller) {
		Instant at = request != null ? request.at() : null;
		return respond(desk.publish(ArticleDesk.checkId(id), at, Callers.name(caller)));
	}

	@PostMapping("/withdraw")
	@Operation(operationId = "withdrawArticle", summary = "Withdraw a published or scheduled article")
	@Answers(problems = { 400, 404, 409 })
	ResponseEntity<ArticleView> withdraw(
			@Parameter(description = "The article's id", schema = @Schema(type = "string", pattern = ApiDocument.OBJECT_ID,
					minLength = 24, maxLength = 24, example = "6752a1f0c3b9e54d2a1b7c90")) @PathVariable String id, Authentication caller) {
		return respond(desk.withdraw(ArticleDesk.checkId(id), Callers.name(caller)));
	}

	private ResponseEntity<ArticleView> respond(Article article) {
		return ResponseEntity.ok().eTag(VersionPreconditions.etag(article)).body(pages.view(article, true));
	}

	/** @param at when to publish; absent or past means now */
	record PublishRequest(@Schema(nullable = true, description = "When to publish; absent, null or past means now") Instant at) {
	}
}
