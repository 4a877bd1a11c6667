package org.newsroom.ranking.counting;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import org.newsroom.ranking.config.RankingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The one thread that turns accepted views into stored counts. It drains the {@link ViewBuffer}
 * into per-bucket sums ({@link BucketSums}; views whose article the intake could not place wait
 * in {@link UnresolvedViews}), and every {@code flush-interval} settles those it can and has the
 * {@link BucketWriter} write the sums as one batch, retried until stored.
 *
 * <p>Memory stays bounded when the store is slow or down: at most {@code max-buckets} distinct
 * buckets are held (views of buckets already held only add to a number); past that the thread
 * stops draining, the buffer fills, and new views are refused with 503.
 *
 * <p>Shutdown: this lifecycle stops after the web server; it closes the buffer (a view that
 * still arrives is refused with 503), drains everything, settles the articles it can, and
 * keeps flushing until all is stored or {@code shutdown-timeout} passes. Whatever could not be
 * stored is reported ({@link ShutdownReport}), never dropped silently.
 */
@Component
public class ViewFlusher implements SmartLifecycle {

	/** After the web server (which stops at Integer.MAX_VALUE - 2048), before the MongoDB client. */
	static final int PHASE = Integer.MAX_VALUE - 4096;

	private static final Logger log = LoggerFactory.getLogger(ViewFlusher.class);

	private static final long DRAIN_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

	private static final int DRAIN_STEP = 4096;

	private final ViewBuffer buffer;
	private final BucketSums sums;
	private final UnresolvedViews unresolved;
	private final ViewDecisions decisions;
	private final BucketWriter writer;
	private final ShutdownReport report;
	private final ViewMetrics metrics;
	private final RankingProperties.Counting config;

	// owned by the flusher thread: what one drain took (fields, so draining allocates nothing per view)
	private long acceptedNow;
	private long takenNow;
	private final Consumer<BucketKey> takeView = this::takeView;
	private final Consumer<ViewBuffer.Chunk> takeChunk = this::takeChunk;
	private final Consumer<UndecidedView> takeUndecided = this::takeUndecided;
	private final java.util.function.ToLongFunction<BucketKey> counted = key -> add(key, 1);

	// read by idle()
	private volatile boolean quiet = true;
	private volatile long taken;

	private volatile boolean running;
	private Thread thread;

	public ViewFlusher(ViewBuffer buffer, BucketSums sums, UnresolvedViews unresolved, ViewDecisions decisions,
			BucketWriter writer, ShutdownReport report, ViewMetrics metrics, RankingProperties properties) {
		this.buffer = buffer;
		this.sums = sums;
		this.unresolved = unresolved;
		this.decisions = decisions;
		this.writer = writer;
		this.report = report;
		this.metrics = metrics;
		this.config = properties.counting();
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
					decisions.decide(counted);
					decisions.publishSize();
					unresolved.settle(sums);
					writer.flush(sums);
					nextFlush = System.nanoTime() + interval;
				}
				if (writer.done() && sums.isEmpty() && unresolved.isEmpty() && decisions.isEmpty()) {
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
		acceptedNow = 0;
		takenNow = 0;
		int drained;
		do {
			if (!unbounded && sums.size() >= config.maxBuckets()) {
				break;
			}
			drained = buffer.drainViews(takeView, DRAIN_STEP);
		}
		while (drained == DRAIN_STEP);
		// views to decide against the other replicas' are held one by one until the next flush: bounded alike
		do {
			if (!unbounded && decisions.size() >= config.maxBuckets()) {
				break;
			}
			drained = buffer.drainUndecided(takeUndecided, DRAIN_STEP);
		}
		while (drained == DRAIN_STEP);
		while ((unbounded || sums.size() < config.maxBuckets()) && buffer.drainChunks(takeChunk, 1) > 0) {
			// one batch request at a time, so the bound is checked between them
		}
		if (acceptedNow > 0) {
			metrics.accepted(acceptedNow);
		}
		if (takenNow > 0) {
			// after quiet = false: whoever sees this count sees that the views are not stored yet
			taken += takenNow;
		}
		sums.publishSize();
		unresolved.publishState();
		decisions.publishSize();
	}

	private void takeView(BucketKey view) {
		if (takenNow++ == 0) {
			quiet = false;
		}
		acceptedNow += add(view, 1);
	}

	private void takeUndecided(UndecidedView view) {
		if (takenNow++ == 0) {
			quiet = false;
		}
		decisions.add(view);
	}

	private void takeChunk(ViewBuffer.Chunk chunk) {
		quiet = false;
		takenNow += chunk.views();
		chunk.counts().forEach((key, count) -> acceptedNow += add(key, count));
	}

	/**
	 * Adds to a bucket, or, when the intake could not tell the article's section, to the views
	 * waiting for it; returns the views now accepted.
	 */
	private long add(BucketKey key, long count) {
		if (key.section() != null) {
			sums.add(key, count);
			return count;
		}
		unresolved.add(key.articleId(), key.hour(), count);
		return 0;
	}

	/** The last flush, on shutdown. */
	private void finish() {
		long deadline = System.nanoTime() + config.shutdownTimeout().toNanos();
		buffer.close();
		drain(true);
		while (!decisions.isEmpty() && System.nanoTime() - deadline < 0) {
			if (!decisions.decide(counted)) {
				LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
			}
		}
		if (!unresolved.isEmpty()) {
			unresolved.resolveBeforeShutdown(config.shutdownTimeout().dividedBy(3));
			unresolved.settle(sums);
		}
		while ((!writer.done() || !sums.isEmpty()) && System.nanoTime() - deadline < 0) {
			if (!writer.flush(sums)) {
				LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
			}
		}
		report.report(writer.unstoredViews() + sums.views(), decisions.size(), unresolved.views(), unresolved.articleCount());
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
