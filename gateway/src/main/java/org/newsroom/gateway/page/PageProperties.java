package org.newsroom.gateway.page;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Time limits of the parts of a composed page. The page's worst case is the article's limit
 * plus the longest of the others, whatever a service does.
 *
 * @param articleTimeout the article itself (without it there is no page)
 * @param leadImageTimeout the lead photo's metadata from media-service
 * @param topTimeout the Top 10 from ranking-service
 * @param relatedTimeout related articles' summaries from article-service
 * @param topSize entries of the Top list shown on a page
 * @param lastKnownTopAge how long the reader's pages may show the last Top list fetched when
 *     ranking-service cannot answer (ARCHITECTURE.md §9); the app JSON never does
 */
@ConfigurationProperties("newsroom.pages")
public record PageProperties(@DefaultValue("2s") Duration articleTimeout,
		@DefaultValue("800ms") Duration leadImageTimeout, @DefaultValue("500ms") Duration topTimeout,
		@DefaultValue("800ms") Duration relatedTimeout, @DefaultValue("10") int topSize,
		@DefaultValue("15m") Duration lastKnownTopAge) {
}
