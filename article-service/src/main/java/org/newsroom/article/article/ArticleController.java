package org.newsroom.article.article;

import java.net.URI;

import jakarta.validation.Valid;
import org.newsroom.platform.security.RealmRoles;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/articles")
class ArticleController {

	private final Newsroom newsroom;
	private final ArticleRepository articles;

	ArticleController(Newsroom newsroom, ArticleRepository articles) {
		this.newsroom = newsroom;
		this.articles = articles;
	}

	@PostMapping
	ResponseEntity<ArticleView> create(@Valid @RequestBody ArticleDraft draft) {
		Article article = newsroom.draft(draft);
		return ResponseEntity.created(URI.create("/api/articles/" + article.id()))
			.eTag(etag(article))
			.body(ArticleView.of(article));
	}

	@GetMapping("/{id}")
	ResponseEntity<ArticleView> byId(@PathVariable String id, Authentication caller) {
		Article article = articles.findById(id).filter(a -> visible(a, caller)).orElseThrow(ArticleNotFound::new);
		return ResponseEntity.ok().eTag(etag(article)).body(ArticleView.of(article));
	}

	@GetMapping("/slug/{slug}")
	ResponseEntity<ArticleView> bySlug(@PathVariable String slug, Authentication caller) {
		Article article = articles.findBySlug(slug).filter(a -> visible(a, caller)).orElseThrow(ArticleNotFound::new);
		return ResponseEntity.ok().eTag(etag(article)).body(ArticleView.of(article));
	}

	@PostMapping("/{id}/publish")
	ResponseEntity<ArticleView> publish(@PathVariable String id) {
		Article article = newsroom.publish(id);
		return ResponseEntity.ok().eTag(etag(article)).body(ArticleView.of(article));
	}

	/** Readers see published articles only; to them a draft does not exist. */
	private static boolean visible(Article article, Authentication caller) {
		return article.isPublished() || isEditor(caller);
	}

	private static boolean isEditor(Authentication caller) {
		return caller != null && caller.getAuthorities()
			.stream()
			.anyMatch(a -> ("ROLE_" + RealmRoles.EDITOR).equals(a.getAuthority()));
	}

	private static String etag(Article article) {
		return "\"" + (article.version() != null ? article.version() : 0) + "\"";
	}
}
