package org.newsroom.article.story;

import org.newsroom.platform.text.InlineMarkup;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What editors write: everything an update replaces. Kept apart from the lifecycle fields
 * (status, times, version) so that an edit can never touch those by accident.
 */
public record ArticleContent(
		String headline,
		String deck,
		String summary,
		List<Block> body,
		String section,
		List<String> tags,
		List<String> byline,
		String source,
		String dateline,
		String language,
		String leadMediaId,
		List<String> relatedIds,
		Instant embargoUntil) {

	/** Every photo the article shows, lead first, each once, with the field that names it. */
	public List<PhotoReference> photos() {
		List<PhotoReference> photos = new ArrayList<>();
		Set<String> seen = new LinkedHashSet<>();
		if (leadMediaId != null && seen.add(leadMediaId)) {
			photos.add(new PhotoReference("leadMediaId", leadMediaId));
		}
		for (int i = 0; i < body.size(); i++) {
			Block block = body.get(i);
			if (block.isImage() && block.mediaId() != null && seen.add(block.mediaId())) {
				photos.add(new PhotoReference("body[" + i + "].mediaId", block.mediaId()));
			}
		}
		return photos;
	}

	/** The body as plain text, one block a line: for search, summaries and feeds. */
	public List<String> bodyPlainText() {
		List<String> lines = new ArrayList<>();
		for (Block block : body) {
			if (block.text() != null) {
				lines.add(InlineMarkup.toPlainText(block.text()));
			}
			if (block.attribution() != null) {
				lines.add(block.attribution());
			}
			if (block.caption() != null) {
				lines.add(block.caption());
			}
		}
		return lines;
	}

	/** A photo the article uses and the request field that names it ({@code leadMediaId}, {@code body[3].mediaId}). */
	public record PhotoReference(String field, String mediaId) {
	}
}
