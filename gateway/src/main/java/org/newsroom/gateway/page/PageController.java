package org.newsroom.gateway.page;

import reactor.core.publisher.Mono;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The composed article page for apps (ARCHITECTURE.md §8). */
@RestController
class PageController {

	private final PageComposer composer;

	PageController(PageComposer composer) {
		this.composer = composer;
	}

	@GetMapping(path = "/api/pages/articles/{slug}", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<ArticlePage>> articlePage(@PathVariable String slug) {
		return composer.articlePage(slug).map(page -> ResponseEntity.ok()
			// a degraded page should be replaced by the full one soon
			.cacheControl(page.degraded().isEmpty() ? CacheControl.maxAge(java.time.Duration.ofSeconds(30)).cachePublic()
					: CacheControl.noStore())
			.body(page));
	}
}
