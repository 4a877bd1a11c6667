package org.newsroom.article.ninjs;

import java.util.Map;

import io.swagger.v3.oas.annotations.Parameter;
import org.newsroom.article.story.ArticleDesk;
import org.newsroom.platform.http.ReaderCaching;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.newsroom.platform.openapi.Answers;
import org.newsroom.platform.openapi.ApiDocument;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Syndication", description = "Articles in the IPTC's ninjs format, for partners and archives")
class NinjsController {

	private final ArticleDesk articles;
	private final NinjsDocument ninjs;

	NinjsController(ArticleDesk articles, NinjsDocument ninjs) {
		this.articles = articles;
		this.ninjs = ninjs;
	}

	/** The same visibility as the article itself: readers get published articles only. */
	@GetMapping("/api/articles/{id}/ninjs")
	@Operation(operationId = "getArticleNinjs", summary = "An article as IPTC ninjs 3.0",
			description = "The same visibility as the article: readers get published articles only.")
	@ApiResponse(responseCode = "200", description = "OK: an IPTC ninjs 3.0 document (https://iptc.org/standards/ninjs/)",
			content = @Content(mediaType = "application/json", schema = @Schema(ref = ApiDocument.JSON_OBJECT)))
	@Answers(notModified = true, problems = { 400, 404, 410 })
	ResponseEntity<Map<String, Object>> ninjs(
			@Parameter(description = "The article's id", schema = @Schema(type = "string", pattern = ApiDocument.OBJECT_ID,
					minLength = 24, maxLength = 24, example = "6752a1f0c3b9e54d2a1b7c90")) @PathVariable String id, Authentication caller) {
		var article = articles.readable(ArticleDesk.checkId(id), caller);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.cacheControl(article.isPublished() ? ReaderCaching.ARTICLE.forCaller(caller == null)
					: ReaderCaching.forCredentials())
			.body(ninjs.of(article));
	}
}
