package org.newsroom.ranking.counting;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.newsroom.ranking.article.ArticleDirectory;
import org.newsroom.ranking.article.ArticleSummary;
import org.newsroom.ranking.config.RankingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The one thread that turns accepted views into stored counts. It drains the {@link ViewBuffer}
 * into per-bucket sums, gives views whose article's section was unknown to the
 * {@link ArticleDirectory} to look up (and drops them if the article is not published), and
 * every {@code flush-interval} writes the sums as one {@link FlushBatch} through the
 * {@link BucketStore}. A batch that fails stays and is retried (exactly-once, see the store);
 * the views arriving meanwhile collect in the next one.
 *
 * <p>Memory stays bounded when the store is slow or down: at most {@code max-buckets} distinct
 * buckets are held (views of buckets already held only add to a number); past that the thread
 * stops draining, the buffer fills, and new views are refused with 503.
 *
 * <p>Shutdown: this lifecycle stops after the web server; it closes the buffer (a view that
 * still arrives is refused with 503), drains everything, settles the articles it can, and
 * keeps flushing until all is stored or {@code shutdown-timeout} passes. Whatever could not be
 * stored is logged as an error with its count, never dropped silently.
 */
@Component
public class ViewFlusher implements SmartLifecycle {

	/** After the web server (which stops at Integer.MAX_VALUE - 2048), before the MongoDB client. */
	static final int PHASE = Integer.MAX_VALUE - 4096;

	private static final Logger log = LoggerFactory.getLogger(ViewFlusher.class);

	private static final long DRAIN_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

	private static final int DRAIN_STEP = 4096;

	private static final Duration FAILURE_LOG_EVERY = Duration.ofSeconds(30);

	private final ViewBuffer buffer;
	private final BucketStore store;
	private final ArticleDirectory directory;
	private final ViewMetrics metrics;
	private final RankingProperties.Counting config;

	// owned by the flusher thread
	private Map<BucketKey, long[]> open = new HashMap<>();
	private final Map<String, Map<Long, long[]>> pending = new HashMap<>();
	private FlushBatch inFlight;
	private long nextSequence = 1;
	private boolean indexesReady;
	private boolean indexWarned;
	private int failuresInRow;
	private long lastFailureLog;

	// read by gauges and idle()
	private volatile int heldBuckets;
	private volatile int pendingArticles;
	private volatile boolean quiet = true;
	private volatile long taken;

	private volatile boolean running;
	private Thread thread;

	public ViewFlusher(ViewBuffer buffer, BucketStore store, ArticleDirectory directory, ViewMetrics metrics,
			RankingProperties properties, MeterRegistry registry) {
		this.buffer = buffer;
		this.store = store;
		this.directory = directory;
		this.metrics = metrics;
		this.config = properties.counting();
		Gauge.builder("ranking.buffer.views", buffer, ViewBuffer::queuedViews)
			.description("single views waiting to be aggregated")
			.register(registry);
		Gauge.builder("ranking.buffer.buckets", this, f -> f.heldBuckets)
			.description("hourly buckets held in memory, not yet stored")
			.register(registry);
		Gauge.builder("ranking.buffer.pending.articles", this, f -> f.pendingArticles)
			.description("articles whose views wait for their section from article-service")
			.register(registry);
	}

	@Override
	public synchronized void start() {
		// a context stopped and started again (or a paused test context) takes views again
		buffer.open();
		running = true;
		thread = new Thread(this::run, "ranking-flusher");
		thread.start();
	}

	@Override
	public synchronized void stop() {
		if (thread == null) {
			return;
		}
		running = false;
		LockSupport.unpark(thread);
		try {
			thread.join(config.shutdownTimeout().plusSeconds(5).toMillis());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		thread = null;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	private void run() {
		long interval = config.flushInterval().toNanos();
		long nextFlush = System.nanoTime() + interval;
		while (running) {
			try {
				drain(false);
				if (System.nanoTime() - nextFlush >= 0) {
					settlePending();
					flush();
					nextFlush = System.nanoTime() + interval;
				}
				if (inFlight == null && open.isEmpty() && pending.isEmpty()) {
					quiet = true;
				}
			}
			catch (RuntimeException e) {
				log.error("Flusher step failed; counts stay in memory and the step is retried", e);
			}
			LockSupport.parkNanos(DRAIN_PAUSE_NANOS);
		}
		finish();
	}

	/** Moves queued views into the sums; unless {@code unbounded}, stops at {@code max-buckets}. */
	private void drain(boolean unbounded) {
		long[] acceptedNow = new long[1];
		long[] takenNow = new long[1];
		int drained;
		do {
			if (!unbounded && open.size() >= config.maxBuckets()) {
				break;
			}
			drained = buffer.drainViews(view -> {
				if (takenNow[0]++ == 0) {
					quiet = false;
				}
				acceptedNow[0] += add(view, 1);
			}, DRAIN_STEP);
		}
		while (drained == DRAIN_STEP);
		while ((unbounded || open.size() < config.maxBuckets()) && buffer.drainChunks(chunk -> {
			quiet = false;
			takenNow[0] += chunk.views();
			chunk.counts().forEach((key, count) -> acceptedNow[0] += add(key, count));
		}, 1) > 0) {
			// one batch request at a time, so the bound is checked between them
		}
		if (acceptedNow[0] > 0) {
			metrics.accepted(acceptedNow[0]);
		}
		if (takenNow[0] > 0) {
			// after quiet = false: whoever sees this count sees that the views are not stored yet
			taken += takenNow[0];
		}
		heldBuckets = open.size();
		updatePendingState();
	}

	/** Adds to a bucket, or to the article's waiting views; returns the views now accepted. */
	private long add(BucketKey key, long count) {
		if (key.section() != null) {
			open.computeIfAbsent(key, k -> new long[1])[0] += count;
			return count;
		}
		pending.computeIfAbsent(key.articleId(), id -> new HashMap<>()).computeIfAbsent(key.hour(), h -> new long[1])[0] += count;
		return 0;
	}

	/** Views waiting for their article: counted once it is known published, dropped if not. */
	private void settlePending() {
		if (pending.isEmpty()) {
			return;
		}
		List<String> unknown = new ArrayList<>();
		long acceptedNow = 0;
		long droppedNow = 0;
		for (Iterator<Map.Entry<String, Map<Long, long[]>>> it = pending.entrySet().iterator(); it.hasNext();) {
			Map.Entry<String, Map<Long, long[]>> entry = it.next();
			String articleId = entry.getKey();
			ArticleSummary summary = directory.published(articleId);
			if (summary != null) {
				for (Map.Entry<Long, long[]> hour : entry.getValue().entrySet()) {
					long count = hour.getValue()[0];
					open.computeIfAbsent(new BucketKey(articleId, summary.section(), hour.getKey()), k -> new long[1])[0] += count;
					acceptedNow += count;
				}
				it.remove();
			}
			else if (directory.knownNotPublished(articleId)) {
				for (long[] count : entry.getValue().values()) {
					droppedNow += count[0];
				}
				it.remove();
			}
			else {
				unknown.add(articleId);
			}
		}
		if (acceptedNow > 0) {
			metrics.accepted(acceptedNow);
		}
		if (droppedNow > 0) {
			metrics.unpublished(droppedNow);
		}
		if (!unknown.isEmpty()) {
			directory.lookUpLater(unknown);
		}
		heldBuckets = open.size();
		updatePendingState();
	}

	private void updatePendingState() {
		pendingArticles = pending.size();
		buffer.pendingFull(pending.size() >= config.maxPendingArticles());
	}

	/** One write attempt: the batch in flight, or a new one sealed from the sums. True when nothing is left in flight. */
	private boolean flush() {
		if (!indexesReady) {
			try {
				store.ensureIndexes();
				indexesReady = true;
			}
			catch (RuntimeException e) {
				if (!indexWarned) {
					indexWarned = true;
					log.warn("Cannot create the buckets' indexes yet (retried before every flush): {}", e.toString());
				}
			}
		}
		if (inFlight == null) {
			if (open.isEmpty()) {
				return true;
			}
			inFlight = new FlushBatch(nextSequence++, open);
			open = new HashMap<>();
			heldBuckets = 0;
		}
		try {
			store.apply(inFlight);
		}
		catch (RuntimeException e) {
			failed(e);
			return false;
		}
		if (failuresInRow > 0) {
			log.info("Flush recovered after {} failed attempts; batch {} stored", failuresInRow, inFlight.sequence());
			failuresInRow = 0;
		}
		metrics.stored(inFlight.views());
		inFlight = null;
		return true;
	}

	private void failed(RuntimeException e) {
		metrics.flushFailed();
		failuresInRow++;
		long now = System.nanoTime();
		if (failuresInRow == 1 || now - lastFailureLog >= FAILURE_LOG_EVERY.toNanos()) {
			lastFailureLog = now;
			log.warn("Flush of batch {} failed (attempt {}); {} views in {} buckets kept and retried: {}", inFlight.sequence(),
					failuresInRow, inFlight.remainingViews(), inFlight.remaining().size(), e.toString());
		}
	}

	/** The last flush, on shutdown. */
	private void finish() {
		long deadline = System.nanoTime() + config.shutdownTimeout().toNanos();
		buffer.close();
		drain(true);
		if (!pending.isEmpty()) {
			try {
				directory.resolveBeforeShutdown(new ArrayList<>(pending.keySet()), config.shutdownTimeout().dividedBy(3))
					.block();
			}
			catch (RuntimeException e) {
				log.warn("Could not look up {} articles before shutdown: {}", pending.size(), e.toString());
			}
			settlePending();
		}
		while ((inFlight != null || !open.isEmpty()) && System.nanoTime() - deadline < 0) {
			if (!flush()) {
				LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
			}
		}
		long notStored = (inFlight != null ? inFlight.remainingViews() : 0) + open.values().stream().mapToLong(c -> c[0]).sum();
		long unresolved = pending.values().stream().flatMap(h -> h.values().stream()).mapToLong(c -> c[0]).sum();
		if (notStored > 0) {
			log.error("Shutting down with {} accepted views NOT stored: MongoDB did not take them within {}", notStored,
					config.shutdownTimeout());
		}
		if (unresolved > 0) {
			log.error("Shutting down with {} views of {} articles not counted: article-service could not say whether "
					+ "they are published", unresolved, pending.size());
		}
		if (notStored == 0 && unresolved == 0) {
			log.info("Final flush done: every accepted view is stored ({})", metrics.lifetime());
		}
		else {
			log.info("Views this process received: {}", metrics.lifetime());
		}
	}

	/**
	 * True when every view handed over so far is settled: stored, or dropped because its
	 * article is not published. (Read in this order: a drained view clears {@code quiet}
	 * before it raises {@code taken}.)
	 */
	public boolean idle() {
		long takenSoFar = taken;
		boolean nothingHeld = quiet;
		return nothingHeld && takenSoFar == buffer.offered();
	}
}
