package org.newsroom.article.article;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What an editor sends to create an article. */
public record ArticleDraft(
		@NotBlank @Size(max = 200) String headline,
		@Size(max = 600) String summary,
		@Size(max = 300) List<@Valid Block> body,
		@NotBlank String section,
		@Size(max = 10) List<@NotBlank @Size(max = 100) String> byline,
		@Size(max = 100) String source) {
}
