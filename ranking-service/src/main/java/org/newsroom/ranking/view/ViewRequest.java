package org.newsroom.ranking.view;

import java.util.List;

import org.newsroom.platform.problem.FieldProblem;
import org.newsroom.platform.problem.Problems;

/** The page-view beacon's body. */
public record ViewRequest(String articleId) {

	/** The article id, or a 400: a beacon with a malformed id is a bad request, not a view. */
	public String validArticleId() {
		if (!ArticleIds.valid(articleId)) {
			throw Problems.badRequest("articleId " + ArticleIds.RULE + ".", List.of(new FieldProblem("articleId", ArticleIds.RULE)));
		}
		return articleId;
	}
}
