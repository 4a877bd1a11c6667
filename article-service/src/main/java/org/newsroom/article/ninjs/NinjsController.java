package org.newsroom.article.ninjs;

import java.util.Map;

import org.newsroom.article.story.ArticleDesk;
import org.newsroom.platform.http.ReaderCaching;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class NinjsController {

	private final ArticleDesk articles;
	private final NinjsDocument ninjs;

	NinjsController(ArticleDesk articles, NinjsDocument ninjs) {
		this.articles = articles;
		this.ninjs = ninjs;
	}

	/** The same visibility as the article itself: readers get published articles only. */
	@GetMapping("/api/articles/{id}/ninjs")
	ResponseEntity<Map<String, Object>> ninjs(@PathVariable String id, Authentication caller) {
		var article = articles.readable(ArticleDesk.checkId(id), caller);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.cacheControl(article.isPublished() ? ReaderCaching.ARTICLE.forCaller(caller == null)
					: ReaderCaching.forCredentials())
			.body(ninjs.of(article));
	}
}
