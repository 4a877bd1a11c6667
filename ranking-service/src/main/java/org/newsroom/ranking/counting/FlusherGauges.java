package org.newsroom.ranking.counting;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * What the flusher holds, as gauges ({@code ranking_buffer_views}, {@code ranking_buffer_buckets},
 * {@code ranking_buffer_pending_articles},
 * {@code ranking_buffer_undecided}; see docs/rankings-api.md).
 */
@Component
class FlusherGauges {

	FlusherGauges(MeterRegistry registry, ViewBuffer buffer, BucketSums sums, UnresolvedViews unresolved,
			ViewDecisions decisions) {
		Gauge.builder("ranking.buffer.views", buffer, ViewBuffer::queuedViews)
			.description("single views waiting to be aggregated")
			.register(registry);
		Gauge.builder("ranking.buffer.buckets", sums, BucketSums::held)
			.description("hourly buckets held in memory, not yet stored")
			.register(registry);
		Gauge.builder("ranking.buffer.pending.articles", unresolved, UnresolvedViews::articles)
			.description("articles whose views wait for their section from article-service")
			.register(registry);
		Gauge.builder("ranking.buffer.undecided", decisions, ViewDecisions::held)
			.description("single views waiting to be decided against every replica's (shared dedupe and address limit)")
			.register(registry);
	}
}
