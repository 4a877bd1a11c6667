package org.newsroom.ranking.counting;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import org.jctools.queues.MpscArrayQueue;
import org.newsroom.ranking.config.RankingProperties;

import org.springframework.stereotype.Component;

/**
 * The hand-over from request threads to the flusher: bounded, lock-free queues. A request
 * thread only offers; when a queue is full the offer fails and the view is refused (503), so a
 * slow store can never grow memory.
 *
 * <p>At shutdown the flusher {@linkplain #close() closes} the buffer before its last drain:
 * from then on every offer fails (the view is refused with 503, not answered 202 and left
 * behind), and {@code close} returns only once no offer is half-way, so the last drain sees
 * every view that was taken. The web server has stopped by then; this covers a request a
 * still-open connection delivers late.
 */
@Component
public class ViewBuffer {

	/** A batch request's views, aggregated per bucket by the request before it is handed over. */
	public record Chunk(Map<BucketKey, Long> counts, long views) {
	}

	private final MpscArrayQueue<BucketKey> views;
	private final MpscArrayQueue<Chunk> chunks;
	/** Single views the flusher decides against every replica's (shared dedupe on). */
	private final MpscArrayQueue<UndecidedView> undecided;
	private final LongAdder offered = new LongAdder();
	/** Offers under way; {@link #close} waits for none (read after {@code closed} is set). */
	private final AtomicInteger offering = new AtomicInteger();
	private volatile boolean closed;
	private volatile boolean pendingFull;

	public ViewBuffer(RankingProperties properties) {
		this.views = new MpscArrayQueue<>(properties.counting().bufferViews());
		this.chunks = new MpscArrayQueue<>(properties.counting().bufferBatches());
		this.undecided = new MpscArrayQueue<>(properties.counting().bufferViews());
	}

	/**
	 * One view, its section known or (section null) still to be looked up. False when it cannot
	 * be taken: the queue is full, too many articles already wait for their section, or the
	 * buffer is closed.
	 */
	public boolean offer(BucketKey view) {
		offering.incrementAndGet();
		try {
			if (closed || view.section() == null && pendingFull || !views.offer(view)) {
				return false;
			}
			offered.increment();
			return true;
		}
		finally {
			offering.decrementAndGet();
		}
	}

	/** One view still to be decided against the other replicas' views; false as {@link #offer(BucketKey)}. */
	public boolean offer(UndecidedView view) {
		offering.incrementAndGet();
		try {
			if (closed || view.key().section() == null && pendingFull || !undecided.offer(view)) {
				return false;
			}
			offered.increment();
			return true;
		}
		finally {
			offering.decrementAndGet();
		}
	}

	public boolean offer(Chunk chunk) {
		offering.incrementAndGet();
		try {
			if (closed || !chunks.offer(chunk)) {
				return false;
			}
			offered.add(chunk.views());
			return true;
		}
		finally {
			offering.decrementAndGet();
		}
	}

	/**
	 * Refuses every later offer and waits until none is under way. (An offer raises
	 * {@code offering} before it reads {@code closed}, and this sets {@code closed} before it
	 * reads {@code offering}: an offer that saw the buffer open is waited for.)
	 */
	void close() {
		closed = true;
		while (offering.get() != 0) {
			Thread.onSpinWait();
		}
	}

	/** Takes views again: a flusher (re)started after a stop. */
	void open() {
		closed = false;
	}

	/** Views handed over so far. */
	long offered() {
		return offered.sum();
	}

	/** Whether views of articles whose section is not yet known can be taken now. */
	public boolean acceptsUnresolved() {
		return !pendingFull;
	}

	void pendingFull(boolean full) {
		pendingFull = full;
	}

	int drainViews(Consumer<BucketKey> into, int limit) {
		return views.drain(into::accept, limit);
	}

	int drainUndecided(Consumer<UndecidedView> into, int limit) {
		return undecided.drain(into::accept, limit);
	}

	int drainChunks(Consumer<Chunk> into, int limit) {
		return chunks.drain(into::accept, limit);
	}

	int queuedViews() {
		return views.size() + undecided.size();
	}
}
