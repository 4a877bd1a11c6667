package org.newsroom.article.article;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** One piece of an article's body. Text is plain text, never HTML. */
public record Block(
		@NotBlank @Pattern(regexp = "paragraph|heading|quote|image|embed", message = "must be paragraph, heading, quote, image or embed") String type,
		@Size(max = 20_000) String text) {
}
