package org.newsroom.article.story;

import org.newsroom.platform.problem.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * A reader asked for an article that was published and then withdrawn: 410 Gone (RFC 9110
 * section 15.5.11), not 404, so that the web edition can tell readers it was withdrawn and
 * search engines drop it, while a slug that never existed stays a 404.
 */
public class ArticleWithdrawn extends ProblemException {

	public ArticleWithdrawn() {
		super(HttpStatus.GONE, "article-withdrawn", "Article withdrawn", "This article was withdrawn by the newsroom.");
	}
}
