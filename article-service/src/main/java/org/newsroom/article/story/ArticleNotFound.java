package org.newsroom.article.story;

import org.newsroom.platform.problem.ProblemException;

import org.springframework.http.HttpStatus;

/** No article with that id or slug, or one the caller may not see yet (a draft to a reader). */
public class ArticleNotFound extends ProblemException {

	public ArticleNotFound() {
		super(HttpStatus.NOT_FOUND, "article-not-found", "Article not found", "No published article has that id or slug.");
	}
}
