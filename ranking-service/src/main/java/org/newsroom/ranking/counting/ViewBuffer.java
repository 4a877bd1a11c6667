package org.newsroom.ranking.counting;

import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import org.jctools.queues.MpscArrayQueue;
import org.newsroom.ranking.config.RankingProperties;

import org.springframework.stereotype.Component;

/**
 * The hand-over from request threads to the flusher: bounded, lock-free queues. A request
 * thread only offers; when a queue is full the offer fails and the view is refused (503), so a
 * slow store can never grow memory.
 */
@Component
public class ViewBuffer {

	/** A batch request's views, aggregated per bucket by the request before it is handed over. */
	public record Chunk(Map<BucketKey, Long> counts, long views) {
	}

	private final MpscArrayQueue<BucketKey> views;
	private final MpscArrayQueue<Chunk> chunks;
	private final LongAdder offered = new LongAdder();
	private volatile boolean pendingFull;

	public ViewBuffer(RankingProperties properties) {
		this.views = new MpscArrayQueue<>(properties.counting().bufferViews());
		this.chunks = new MpscArrayQueue<>(properties.counting().bufferBatches());
	}

	/**
	 * One view, its section known or (section null) still to be looked up. False when it cannot
	 * be taken: the queue is full, or too many articles already wait for their section.
	 */
	public boolean offer(BucketKey view) {
		if (view.section() == null && pendingFull) {
			return false;
		}
		if (!views.offer(view)) {
			return false;
		}
		offered.increment();
		return true;
	}

	public boolean offer(Chunk chunk) {
		if (!chunks.offer(chunk)) {
			return false;
		}
		offered.add(chunk.views());
		return true;
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

	int drainChunks(Consumer<Chunk> into, int limit) {
		return chunks.drain(into::accept, limit);
	}

	int queuedViews() {
		return views.size();
	}
}
