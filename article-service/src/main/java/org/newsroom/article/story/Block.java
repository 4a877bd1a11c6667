package org.newsroom.article.story;

import org.newsroom.platform.text.InlineMarkup;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One piece of an article's body. Which fields a block carries depends on its type:
 * {@code paragraph} and {@code heading}: {@code text}; {@code quote}: {@code text} and an optional
 * {@code attribution}; {@code image}: {@code mediaId} and an optional {@code caption} that
 * overrides the photo's own; {@code embed}: an http(s) {@code url}. Text is plain text with the
 * small inline markup of {@link InlineMarkup}; never HTML.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Block(
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = { "paragraph", "heading", "quote", "image", "embed" }) String type,
		@Schema(maxLength = ContentRules.MAX_BLOCK_TEXT) String text, String attribution,
		@Schema(pattern = "^[0-9a-f]{24}$") String mediaId, @Schema(maxLength = ContentRules.MAX_CAPTION) String caption,
		@Schema(format = "uri") String url) {

	public static final String PARAGRAPH = "paragraph";
	public static final String HEADING = "heading";
	public static final String QUOTE = "quote";
	public static final String IMAGE = "image";
	public static final String EMBED = "embed";

	/** Not part of the JSON: written out, it came back in a PUT as an unknown field. */
	@JsonIgnore
	public boolean isImage() {
		return IMAGE.equals(type);
	}
}
