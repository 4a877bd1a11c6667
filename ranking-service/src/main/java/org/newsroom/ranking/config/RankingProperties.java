package org.newsroom.ranking.config;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Everything ranking-service can be tuned with. The defaults live in {@code application.yml}
 * (one place), next to the environment variables that override them.
 *
 * @param sections the site's sections, the values {@code ?section=} accepts (the same list
 *     article-service is configured with)
 */
@ConfigurationProperties("newsroom.rankings")
public record RankingProperties(List<String> sections, Ingest ingest, Counting counting, Top top,
		Articles articles) {

	/**
	 * How page views are taken in.
	 *
	 * @param visitorKey secret for the keyed hash of client address and user agent; blank
	 *     means a random key per process
	 * @param trustedProxies addresses (CIDR) whose {@code X-Forwarded-For} is believed
	 * @param dedupeWindow how long the same visitor and article count once
	 * @param dedupeMaxEntries bound of the dedupe memory (visitor and article pairs)
	 * @param perAddressLimit most views of one article counted from one client address per
	 *     dedupe window, whatever visitor ids it sends; 0 turns the limit off. Not applied when
	 *     the client address is itself a trusted proxy or loopback (the real client is unknown)
	 * @param botAgents lower-case fragments of user agents that are never counted
	 * @param batchMaxViews most views in one batch request
	 * @param futureTolerance how far in the future a batch view's time may be (clock skew)
	 * @param maxAge oldest view time a batch may carry: the longest ranking window
	 * @param ipv6Prefix prefix length an IPv6 client is counted by in the per-address limit and
	 *     the visitor hash (64: one customer's network); IPv4 clients count by address
	 * @param sharedDedupe whether views (single views and batches) are also deduplicated, and single
	 *     views held to the per-address limit, against every replica's views in the shared store
	 *     (needed as soon as there are several replicas); without it each replica remembers only
	 *     its own
	 * @param sharedStore where the shared dedupe keeps what every replica shares: Redis (at
	 *     {@code spring.data.redis.url}) or the service's MongoDB; read only when
	 *     {@code sharedDedupe} is on
	 */
	public record Ingest(String visitorKey, List<String> trustedProxies, Duration dedupeWindow,
			long dedupeMaxEntries, int perAddressLimit, List<String> botAgents, int batchMaxViews,
			Duration futureTolerance, Duration maxAge, int ipv6Prefix, boolean sharedDedupe,
			SharedStore sharedStore) {
	}

	/** The stores the shared dedupe can keep its memory in. */
	public enum SharedStore {
		REDIS, MONGODB
	}

	/**
	 * In-memory counting and flushing to MongoDB.
	 *
	 * @param flushInterval how often counts are written
	 * @param bufferViews single views waiting to be aggregated; beyond it, 503
	 * @param bufferBatches batch requests waiting to be aggregated; beyond it, 503
	 * @param maxBuckets distinct hourly buckets held in memory while the store is slow
	 * @param maxPendingArticles distinct articles whose section is still being looked up
	 * @param storeTimeout longest wait for MongoDB (server selection, connect, read)
	 * @param shutdownTimeout how long a shutdown keeps trying to store the last counts
	 * @param retryAfter what a refused view is told to wait
	 */
	public record Counting(Duration flushInterval, int bufferViews, int bufferBatches, int maxBuckets,
			int maxPendingArticles, Duration storeTimeout, Duration shutdownTimeout, Duration retryAfter) {
	}

	/**
	 * The lists, computed by one replica per round for all and stored.
	 *
	 * @param refresh how often the 1h, 6h, 24h and trending lists are recomputed
	 * @param longWindowRefresh how often the 7d and 30d lists are recomputed
	 * @param candidates most viewed articles considered per list before unpublished ones are
	 *     dropped (lists hold at most 50)
	 * @param trendingLookback hours of buckets the trending score reads
	 * @param trendingGravity exponent of the age penalty
	 * @param poll how often each replica asks the store whether the lists were recomputed (by
	 *     whichever replica claimed the round); the most two replicas' answers can differ by
	 */
	public record Top(Duration refresh, Duration longWindowRefresh, int candidates, Duration trendingLookback,
			double trendingGravity, Duration poll) {
	}

	/**
	 * article-service's summaries endpoint.
	 *
	 * @param timeout longest wait for one summaries call
	 * @param cacheSize published articles remembered (section, slug, headline)
	 * @param cacheTtl how long a published article's summary is trusted for counting
	 * @param unknownTtl how long an id that article-service did not know is not asked again
	 *            (the circuit breaker in front of these calls is configured under
	 *            {@code resilience4j.circuitbreaker.instances.article-summaries})
	 */
	public record Articles(Duration timeout, long cacheSize, Duration cacheTtl, Duration unknownTtl) {
	}
}
