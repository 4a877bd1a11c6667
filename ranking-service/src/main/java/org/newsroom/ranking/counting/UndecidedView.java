package org.newsroom.ranking.counting;

/**
 * A single view that passed this replica's own dedupe memory and waits for the flusher to decide
 * it against the views every replica took ({@link ViewDecisions}): the shared dedupe and the
 * shared per-address limit ({@code newsroom.rankings.ingest.shared-dedupe}).
 *
 * @param visitorAndArticle the visitor's and article's fingerprint
 * @param addressAndArticle the client address's and article's fingerprint (used when {@code limited})
 * @param limited whether the per-address limit applies (not to trusted proxies and loopback)
 */
public record UndecidedView(BucketKey key, long visitorAndArticle, long addressAndArticle, boolean limited) {
}
