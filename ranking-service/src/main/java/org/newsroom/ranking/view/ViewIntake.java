package org.newsroom.ranking.view;

import org.newsroom.ranking.article.ArticleDirectory;
import org.newsroom.ranking.article.ArticleSummary;
import org.newsroom.ranking.config.RankingProperties;
import org.newsroom.ranking.counting.BucketKey;
import org.newsroom.ranking.counting.UndecidedView;
import org.newsroom.ranking.counting.ViewBuffer;
import org.newsroom.ranking.counting.ViewMetrics;

import org.springframework.stereotype.Component;

/**
 * Decides, for each single view (the beacon, {@link ViewBeacon}), whether it counts, and hands
 * those that do to the {@link ViewBuffer}, with the article's section when the
 * {@link ArticleDirectory} knows it (then it is never looked up again). Runs on the Netty event
 * loop: everything here is in-memory and non-blocking. Batches are {@link BatchIntake}'s.
 */
@Component
public class ViewIntake {

	/** What became of one view. Every outcome but {@code OVERLOADED} is answered 202. */
	public enum Outcome {
		ACCEPTED, DUPLICATE, BOT, ADDRESS_LIMIT, UNPUBLISHED, OVERLOADED
	}

	private final BotAgents bots;
	private final ArticleDirectory articles;
	private final VisitorKeys visitors;
	private final RecentViews recent;
	private final ViewBuffer buffer;
	private final ViewMetrics metrics;
	private final boolean shared;

	public ViewIntake(BotAgents bots, ArticleDirectory articles, VisitorKeys visitors, RecentViews recent,
			ViewBuffer buffer, ViewMetrics metrics, RankingProperties properties) {
		this.bots = bots;
		this.articles = articles;
		this.visitors = visitors;
		this.recent = recent;
		this.buffer = buffer;
		this.metrics = metrics;
		this.shared = properties.ingest().sharedDedupe();
	}

	/**
	 * One view from a reader's page.
	 *
	 * @param visitorId the page's visitor id (validated), or null to hash address and user agent
	 * @param clientAddress the client's address bytes, an IPv6 one cut to its network (none:
	 *     empty), see {@link org.newsroom.platform.web.ClientAddresses} and
	 *     {@link org.newsroom.platform.web.ClientPrefix}
	 * @param fromTrustedProxy whether that address is one of our proxies (or loopback): then the real
	 *     client is unknown and the per-address limit does not apply
	 */
	public Outcome view(String articleId, String visitorId, String userAgent, byte[] clientAddress, boolean fromTrustedProxy,
			long nowMillis) {
		if (bots.isBot(userAgent)) {
			metrics.bot();
			return Outcome.BOT;
		}
		String section;
		ArticleSummary summary = articles.published(articleId);
		if (summary != null) {
			section = summary.section();
		}
		else if (articles.knownNotPublished(articleId)) {
			metrics.unpublished(1);
			return Outcome.UNPUBLISHED;
		}
		else if (buffer.acceptsUnresolved()) {
			// not known yet, perhaps published a moment ago: the flusher looks it up
			section = null;
		}
		else {
			metrics.overloaded(1);
			return Outcome.OVERLOADED;
		}
		long article = Fingerprint.ofArticle(articleId);
		boolean limited = !fromTrustedProxy;
		// the keyed hash costs a SHA-256: only when the address is needed
		long address = limited || visitorId == null ? visitors.ofAddress(clientAddress) : 0;
		long visitor = visitorId != null ? visitors.ofVisitorId(visitorId) : visitors.ofAddressAndAgent(address, userAgent);
		long visitorAndArticle = Fingerprint.mix(visitor, article);
		if (!recent.firstView(visitorAndArticle)) {
			metrics.duplicate(1);
			return Outcome.DUPLICATE;
		}
		long addressAndArticle = Fingerprint.mix(address, article);
		BucketKey bucket = new BucketKey(articleId, section, BucketKey.hourOf(nowMillis));
		if (shared) {
			// this replica's memory is only the cheap first filter: the flusher decides the view against
			// every replica's (the shared memory and the per-address limit), the answer is 202 either way
			if (!buffer.offer(new UndecidedView(bucket, visitorAndArticle, addressAndArticle, limited))) {
				recent.forget(visitorAndArticle);
				metrics.overloaded(1);
				return Outcome.OVERLOADED;
			}
			return Outcome.ACCEPTED;
		}
		if (limited && !recent.withinAddressLimit(addressAndArticle)) {
			metrics.addressLimit();
			return Outcome.ADDRESS_LIMIT;
		}
		if (!buffer.offer(bucket)) {
			recent.forget(visitorAndArticle);
			if (limited) {
				recent.releaseAddress(addressAndArticle);
			}
			metrics.overloaded(1);
			return Outcome.OVERLOADED;
		}
		return Outcome.ACCEPTED;
	}
}
