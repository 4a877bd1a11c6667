package org.newsroom.ranking.view;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The page-view beacon's body. */
public record ViewRequest(
		@NotNull @Pattern(regexp = "[0-9a-f]{24}", message = "must be an article id (24 hex characters)") String articleId) {
}
