package org.newsroom.article.story;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.newsroom.platform.problem.FieldProblem;
import org.newsroom.platform.problem.Problems;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What an editor sends to replace an article's content (PUT): the fields of {@link ArticleDraft},
 * and, so that an article read with GET can be sent back as it is, the fields only the service
 * sets. {@code id}, {@code slug}, {@code status} and {@code version} may come back but must be
 * what they are (an editor's client that tries to publish by writing {@code "status"} gets a 400
 * saying how to); dates, corrections, links, share and SEO data are answers only and are ignored.
 * Every other unknown field is still a 400.
 */
@JsonIgnoreProperties({ "publishAt", "firstPublishedAt", "updatedAt", "corrections", "links", "share", "seo",
		"publishingProblem" })
public record ArticleReplacement(
		String headline,
		@Schema(nullable = true) String deck,
		@Schema(nullable = true) String summary,
		@Schema(nullable = true) List<Block> body,
		String section,
		List<String> tags,
		List<String> byline,
		@Schema(nullable = true) String source,
		@Schema(nullable = true) String dateline,
		@Schema(nullable = true) String language,
		@Schema(nullable = true) String leadMediaId,
		List<String> relatedIds,
		@Schema(nullable = true) Instant embargoUntil,
		@Schema(nullable = true) String id,
		@Schema(nullable = true) String slug,
		@Schema(nullable = true, description = "Must be the article's own: publish and withdraw change it") String status,
		Long version) {

	/**
	 * The content to store, once the read-only fields that came back are found to be the
	 * article's own. Checked against the version the editor edited ({@code If-Match}); when that
	 * is no longer the current one, the update answers 412 before anything here matters.
	 */
	ArticleDraft draftOf(Article current, long editedVersion) {
		List<FieldProblem> errors = new ArrayList<>();
		if (id != null && !id.equals(current.id())) {
			errors.add(new FieldProblem("id", "is this article's own and cannot be changed"));
		}
		if (version != null && version != editedVersion) {
			errors.add(new FieldProblem("version", "must be the version If-Match names (" + editedVersion + ")"));
		}
		if (current.currentVersion() == editedVersion) {
			if (slug != null && !slug.equals(current.slug())) {
				errors.add(new FieldProblem("slug",
						"is made from the headline until first publication and fixed after; it cannot be set"));
			}
			if (status != null && !Objects.equals(status, current.status().name())) {
				errors.add(new FieldProblem("status",
						"is changed by publish and withdraw (POST .../publish, .../withdraw), not by PUT"));
			}
		}
		if (!errors.isEmpty()) {
			throw Problems.badRequest("Fields only the service sets differ from the article's: "
					+ errors.stream().map(FieldProblem::field).toList() + ".", errors);
		}
		return new ArticleDraft(headline, deck, summary, body, section, tags, byline, source, dateline, language,
				leadMediaId, relatedIds, embargoUntil);
	}
}
