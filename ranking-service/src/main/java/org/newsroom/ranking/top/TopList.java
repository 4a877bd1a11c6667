package org.newsroom.ranking.top;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A "Top 10 Stories" list as served.
 *
 * @param window {@code 1h}..{@code 30d}, or {@code trending}
 * @param section the section it is limited to, or null for the whole site
 * @param generatedAt when the list was computed; null when none could be computed yet
 * @param stale true when the latest refresh failed (store or article-service unreachable) and
 *     this is the last good list
 */
public record TopList(@Schema(allowableValues = { "1h", "6h", "24h", "7d", "30d", "trending" }) String window,
		@Schema(nullable = true) String section, @Schema(nullable = true) Instant generatedAt, boolean stale,
		List<Entry> items) {

	@Schema(name = "TopListEntry")
	public record Entry(int rank, String articleId, String slug, String headline, String section, long views) {
	}

	static TopList none(String window, String section) {
		return new TopList(window, section, null, true, List.of());
	}

	TopList first(int limit) {
		return items.size() <= limit ? this : new TopList(window, section, generatedAt, stale, items.subList(0, limit));
	}

	/** The same list without the article, the ranks after it moved up (itself when it is not listed). */
	TopList without(String articleId) {
		if (items.stream().noneMatch(entry -> entry.articleId().equals(articleId))) {
			return this;
		}
		List<Entry> kept = new ArrayList<>();
		for (Entry entry : items) {
			if (!entry.articleId().equals(articleId)) {
				kept.add(new Entry(kept.size() + 1, entry.articleId(), entry.slug(), entry.headline(), entry.section(),
						entry.views()));
			}
		}
		return new TopList(window, section, generatedAt, stale, List.copyOf(kept));
	}

	TopList asStale() {
		return stale ? this : new TopList(window, section, generatedAt, true, items);
	}
}
