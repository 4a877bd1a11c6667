package org.newsroom.gateway.page;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

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
 *     ranking-service cannot answer (docs/architecture.md, "When something is down"); the app JSON never does
 * @param topRefresh how often the Top list pages show is fetched in the background (0: never,
 *     only on demand)
 * @param topMaxAge how old the held Top list may be before a page fetches it again itself
 * @param cache the composed pages kept in memory
 */
@ConfigurationProperties("newsroom.pages")
public record PageProperties(@DefaultValue("2s") Duration articleTimeout,
		@DefaultValue("800ms") Duration leadImageTimeout, @DefaultValue("500ms") Duration topTimeout,
		@DefaultValue("800ms") Duration relatedTimeout, @DefaultValue("10") int topSize,
		@DefaultValue("15m") Duration lastKnownTopAge, @DefaultValue("1s") Duration topRefresh,
		@DefaultValue("2s") Duration topMaxAge, @DefaultValue Cache cache) {

	/**
	 * @param enabled whether composed pages are kept at all (env NEWSROOM_PAGES_CACHE_ENABLED)
	 * @param maxBytes memory the kept pages may take (all their encodings), least used dropped first
	 * @param maxAge the longest a page is kept while the change logs are read (changes purge it
	 *     sooner); a backstop, not the freshness guarantee
	 * @param degradedMaxAge the longest a page missing a part (a service down) is kept
	 * @param blindMaxAge the longest a page is kept while a change log cannot be read: without the
	 *     changes, this bounds how long a changed page can be served
	 */
	public record Cache(@DefaultValue("true") boolean enabled, @DefaultValue("64MB") DataSize maxBytes,
			@DefaultValue("60s") Duration maxAge, @DefaultValue("5s") Duration degradedMaxAge,
			@DefaultValue("1s") Duration blindMaxAge) {
	}
}
