package org.newsroom.ranking.view;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.newsroom.platform.problem.FieldProblem;
import org.newsroom.platform.problem.Problems;
import org.newsroom.ranking.article.ArticleDirectory;
import org.newsroom.ranking.article.ArticleSummary;
import org.newsroom.ranking.config.RankingProperties;
import org.newsroom.ranking.counting.BucketKey;
import org.newsroom.ranking.counting.Replica;
import org.newsroom.ranking.counting.SharedViews;
import org.newsroom.ranking.counting.ViewBuffer;
import org.newsroom.ranking.counting.ViewMetrics;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Decides, for a batch of views from a trusted collector ({@link BatchController}), which count,
 * and hands those to the {@link ViewBuffer} as one chunk, summed per bucket, with each article's
 * section when it is known. Single views are {@link ViewIntake}'s.
 *
 * <p>With the shared dedupe on, the views this replica's memory lets through are then asked of the
 * store every replica shares ({@link SharedViews}), before the answer says how many counted: a
 * collector whose retried batch reaches another replica does not count it twice. The request is
 * its own claim, so a batch sent again is a new one and finds its views taken. A store that does
 * not answer refuses the whole batch with 503, which may be sent again as it is.
 */
@Component
public class BatchIntake {

	private static final long HALF_HOUR_MILLIS = Duration.ofMinutes(30).toMillis();

	private static final long BATCH_SLOT_SEED = 0x42415443484cL;

	private final ArticleDirectory articles;
	private final VisitorKeys visitors;
	private final RecentViews recent;
	private final ViewBuffer buffer;
	private final ViewMetrics metrics;
	private final RankingProperties properties;
	private final SharedViews shared;
	private final Replica replica;

	public BatchIntake(ArticleDirectory articles, VisitorKeys visitors, RecentViews recent, ViewBuffer buffer,
			ViewMetrics metrics, RankingProperties properties, ObjectProvider<SharedViews> shared, Replica replica) {
		this.articles = articles;
		this.visitors = visitors;
		this.recent = recent;
		this.buffer = buffer;
		this.metrics = metrics;
		this.properties = properties;
		this.shared = properties.ingest().sharedDedupe() ? shared.getObject() : null;
		this.replica = replica;
	}

	/** A checked batch item. */
	private record Valid(String articleId, long visitor, long at) {
	}

	/**
	 * A batch of views from a trusted collector. Items are checked one by one (bad ones are
	 * reported, the rest counted); articles not known yet are looked up first, for at most the
	 * summaries timeout. All or nothing towards the buffer: when it is full, the whole batch is
	 * refused (503) and may be sent again as it is.
	 */
	public Mono<BatchResult> take(BatchRequest request, long nowMillis) {
		List<BatchRequest.View> views = request.views();
		if (views == null) {
			return Mono.error(Problems.badRequest("views is required.", List.of(new FieldProblem("views", "is required"))));
		}
		int max = properties.ingest().batchMaxViews();
		if (views.size() > max) {
			return Mono.error(Problems.badRequest("A batch holds at most " + max + " views; split it.",
					List.of(new FieldProblem("views", "at most " + max + " views"))));
		}
		return Mono.fromCallable(() -> check(views, nowMillis))
			.subscribeOn(Schedulers.parallel())
			.flatMap(checked -> articles.resolve(checked.articleIds, properties.articles().timeout())
				.onErrorResume(error -> Mono.empty())
				// the shared store is asked with a blocking call: off the parallel workers then
				.then(Mono.fromCallable(() -> count(checked, nowMillis))
					.subscribeOn(shared != null ? Schedulers.boundedElastic() : Schedulers.parallel())));
	}

	private static final class Checked {

		final List<Valid> valid = new ArrayList<>();
		final List<FieldProblem> errors = new ArrayList<>();
		final Set<String> articleIds = new LinkedHashSet<>();
	}

	private Checked check(List<BatchRequest.View> views, long nowMillis) {
		Checked checked = new Checked();
		long newest = nowMillis + properties.ingest().futureTolerance().toMillis();
		long oldest = nowMillis - properties.ingest().maxAge().toMillis();
		for (int i = 0; i < views.size(); i++) {
			BatchRequest.View view = views.get(i);
			String field = "views[" + i + "].";
			if (view == null) {
				checked.errors.add(new FieldProblem("views[" + i + "]", "must be a view"));
				continue;
			}
			if (!ArticleIds.valid(view.articleId())) {
				checked.errors.add(new FieldProblem(field + "articleId", ArticleIds.RULE));
				continue;
			}
			if (!VisitorKeys.validVisitorId(view.visitorId())) {
				checked.errors.add(new FieldProblem(field + "visitorId", "must be 8 to 64 letters, digits, '_' or '-'"));
				continue;
			}
			long at;
			try {
				at = Instant.parse(view.at() != null ? view.at() : "").toEpochMilli();
			}
			catch (DateTimeParseException | ArithmeticException e) {
				checked.errors.add(new FieldProblem(field + "at", "must be an ISO-8601 time such as 2025-05-01T09:30:00Z"));
				continue;
			}
			if (at > newest) {
				checked.errors.add(new FieldProblem(field + "at", "is in the future"));
				continue;
			}
			if (at < oldest) {
				checked.errors.add(new FieldProblem(field + "at",
						"is older than " + properties.ingest().maxAge().toDays() + " days, the longest window"));
				continue;
			}
			checked.valid.add(new Valid(view.articleId(), visitors.ofVisitorId(view.visitorId()), at));
			checked.articleIds.add(view.articleId());
		}
		return checked;
	}

	/** A view this replica's memory let through, waiting for the shared store's word. */
	private record Candidate(long key, BucketKey bucket) {
	}

	private BatchResult count(Checked checked, long nowMillis) {
		Map<BucketKey, Long> counts = new HashMap<>();
		List<Long> remembered = new ArrayList<>();
		List<Candidate> candidates = new ArrayList<>();
		int accepted = 0;
		int duplicates = 0;
		int unpublished = 0;
		for (Valid view : checked.valid) {
			ArticleSummary summary = articles.published(view.articleId());
			if (summary == null && articles.knownNotPublished(view.articleId())) {
				unpublished++;
				continue;
			}
			if (summary == null && !buffer.acceptsUnresolved()) {
				forgetAll(remembered);
				throw overloaded(checked.valid.size());
			}
			// the same visitor and article count once per half-hour slot of the view's own time
			long key = Fingerprint.mix(Fingerprint.mix(view.visitor(), Fingerprint.ofArticle(view.articleId())),
					Math.floorDiv(view.at(), HALF_HOUR_MILLIS) ^ BATCH_SLOT_SEED);
			if (!recent.firstView(key)) {
				duplicates++;
				continue;
			}
			remembered.add(key);
			candidates.add(new Candidate(key,
					new BucketKey(view.articleId(), summary != null ? summary.section() : null, BucketKey.hourOf(view.at()))));
		}
		boolean[] first = firstAcrossReplicas(candidates, remembered, nowMillis, checked.valid.size());
		for (int i = 0; i < candidates.size(); i++) {
			if (first[i]) {
				counts.merge(candidates.get(i).bucket(), 1L, Long::sum);
				accepted++;
			}
			else {
				duplicates++;
			}
		}
		if (accepted > 0 && !buffer.offer(new ViewBuffer.Chunk(counts, accepted))) {
			forgetAll(remembered);
			throw overloaded(checked.valid.size());
		}
		metrics.duplicate(duplicates);
		metrics.unpublished(unpublished);
		metrics.rejected(checked.errors.size());
		return new BatchResult(accepted, duplicates, unpublished, checked.errors.size(), checked.errors);
	}

	/** Which candidates no replica counted yet (all of them when the dedupe is this replica's alone). */
	private boolean[] firstAcrossReplicas(List<Candidate> candidates, List<Long> remembered, long nowMillis, int views) {
		boolean[] first = new boolean[candidates.size()];
		if (shared == null || candidates.isEmpty()) {
			Arrays.fill(first, true);
			return first;
		}
		long[] keys = candidates.stream().mapToLong(Candidate::key).toArray();
		try {
			return shared.firstViews(keys, nowMillis, replica.id() + ":batch:" + UUID.randomUUID());
		}
		catch (RuntimeException storeNotAnswering) {
			forgetAll(remembered);
			throw overloaded(views);
		}
	}

	private void forgetAll(List<Long> keys) {
		keys.forEach(recent::forget);
	}

	private IngestOverloaded overloaded(int views) {
		metrics.overloaded(views);
		return new IngestOverloaded(properties.counting().retryAfter());
	}
}
