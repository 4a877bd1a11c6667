package org.newsroom.article.revision;

import java.util.List;

import org.newsroom.platform.openapi.ApiDocument;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Parameter;
import org.newsroom.platform.problem.FieldProblem;
import org.newsroom.platform.problem.ProblemException;
import org.newsroom.platform.problem.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.newsroom.platform.openapi.Access;
import org.newsroom.platform.openapi.Answers;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** An article's history for editors (the security rules keep everyone else out). */
@RestController
@Tag(name = "Revisions", description = "Each article's history of changes, for editors")
class RevisionController {

	private final RevisionLog log;

	RevisionController(RevisionLog log) {
		this.log = log;
	}

	/** @param complete false when the history is longer than {@link RevisionLog#MAX_HISTORY} and was cut */
	record History(String articleId, List<Revision> items, boolean complete) {
	}

	@GetMapping("/api/articles/{id}/revisions")
	@Operation(operationId = "getArticleRevisions", summary = "An article's history")
	@Answers(problems = { 400, 404 }, access = Access.EDITOR)
	History revisions(
			@Parameter(description = "The article's id", schema = @Schema(type = "string", pattern = ApiDocument.OBJECT_ID,
					minLength = 24, maxLength = 24, example = "6752a1f0c3b9e54d2a1b7c90")) @PathVariable String id) {
		if (!id.matches("[0-9a-f]{24}")) {
			throw Problems.badRequest("id: not an id (24 lowercase hex digits)",
					List.of(new FieldProblem("id", "not an id (24 lowercase hex digits)")));
		}
		List<Revision> items = log.history(id);
		if (items.isEmpty()) {
			throw new ProblemException(HttpStatus.NOT_FOUND, "article-not-found", "Article not found",
					"No article with that id has ever existed.");
		}
		return new History(id, items, items.size() < RevisionLog.MAX_HISTORY);
	}
}
