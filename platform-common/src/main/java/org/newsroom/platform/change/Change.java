package org.newsroom.platform.change;

import java.time.Instant;
import java.util.List;

/**
 * One change readers may have to see: an article or photo that is in front of readers, or was
 * until this change. Services record them ({@link ChangeLog}) and publish them at
 * {@value ChangeFeed#PATH}; caches (the gateway's pages, article-service's own reads,
 * ranking-service's lists) follow them ({@link ChangeFollower}) and drop what they hold about the
 * subject.
 *
 * @param id the change's own id, unique (a MongoDB ObjectId)
 * @param at when it was recorded, by the database's clock
 * @param kind {@value #ARTICLE} or {@value #PHOTO}
 * @param subject the article's or photo's id
 * @param slugs the article's slugs before and after the change (empty for photos)
 * @param visible whether readers may see the subject after the change (a published article, a
 *     photo that is not taken down)
 */
public record Change(String id, Instant at, String kind, String subject, List<String> slugs, boolean visible) {

	public static final String ARTICLE = "article";

	public static final String PHOTO = "photo";

	public Change {
		slugs = slugs != null ? List.copyOf(slugs) : List.of();
	}
}
