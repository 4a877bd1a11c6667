package org.newsroom.ranking.view;

import java.util.List;
import java.util.regex.Pattern;

import org.newsroom.platform.problem.FieldProblem;
import org.newsroom.platform.problem.Problems;

/** The page-view beacon's body. */
public record ViewRequest(String articleId) {

	private static final Pattern ARTICLE_ID = Pattern.compile("[0-9a-f]{24}");

	/** The article id, or a 400: a beacon with a malformed id is a bad request, not a view. */
	public String validArticleId() {
		if (articleId == null || !ARTICLE_ID.matcher(articleId).matches()) {
			throw Problems.badRequest("articleId must be an article id (24 hex characters).",
					List.of(new FieldProblem("articleId", "must be an article id (24 hex characters)")));
		}
		return articleId;
	}
}
