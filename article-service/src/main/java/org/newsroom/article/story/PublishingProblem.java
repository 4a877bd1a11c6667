package org.newsroom.article.story;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Why the scheduler could not publish a due article at its last attempt (media-service down, or
 * a photo not usable). Shown to editors; cleared when the article is published or edited.
 *
 * @param photos for unusable photos: each photo id with its problems
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PublishingProblem(Instant at, String reason, List<PhotoProblem> photos, Instant nextAttemptAt) {

	/** A photo the article uses and what is wrong with it (MISSING_CREDIT, RIGHTS_EXPIRED, TAKEN_DOWN, NOT_FOUND). */
	public record PhotoProblem(String field, String mediaId, List<String> problems) {
	}
}
