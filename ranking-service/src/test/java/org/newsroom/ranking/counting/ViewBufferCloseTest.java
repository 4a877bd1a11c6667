package org.newsroom.ranking.counting;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.newsroom.ranking.config.RankingProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Closing the buffer at shutdown: an offer answered "taken" is always in the flusher's last
 * drain, however the offers race the close, and nothing is taken after it.
 */
class ViewBufferCloseTest {

	private static ViewBuffer buffer() {
		return new ViewBuffer(new RankingProperties(List.of(), null,
				new RankingProperties.Counting(Duration.ofSeconds(1), 1 << 20, 1 << 10, 1000, 1000, Duration.ofSeconds(1),
						Duration.ofSeconds(1), Duration.ofSeconds(1)),
				null, null));
	}

	@Test
	void everyViewTakenBeforeTheCloseIsInTheLastDrainAndNoneIsTakenAfter() throws Exception {
		for (int round = 0; round < 200; round++) {
			ViewBuffer buffer = buffer();
			BucketKey view = new BucketKey("6b0ac595abc83a07e0d08fd1", "national", 1);
			int writers = 3;
			AtomicLong taken = new AtomicLong();
			CountDownLatch started = new CountDownLatch(writers);
			List<Thread> threads = new ArrayList<>();
			for (int w = 0; w < writers; w++) {
				boolean chunks = w == 0;
				Thread thread = new Thread(() -> {
					started.countDown();
					// offer until refused: the close is the only reason a roomy buffer refuses
					while (chunks ? buffer.offer(new ViewBuffer.Chunk(Map.of(view, 3L), 3)) : buffer.offer(view)) {
						taken.addAndGet(chunks ? 3 : 1);
					}
				});
				thread.start();
				threads.add(thread);
			}
			started.await();
			buffer.close();
			long[] drained = new long[1];
			buffer.drainViews(v -> drained[0]++, Integer.MAX_VALUE);
			buffer.drainChunks(chunk -> drained[0] += chunk.views(), Integer.MAX_VALUE);
			for (Thread thread : threads) {
				thread.join();
			}

			assertThat(buffer.offer(view)).as("an offer after the close").isFalse();
			assertThat(drained[0]).as("views in the last drain, round " + round).isEqualTo(taken.get());
			assertThat(buffer.offered()).isEqualTo(taken.get());
		}
	}

	@Test
	void aBufferOpenedAgainAfterAStopTakesViews() {
		ViewBuffer buffer = buffer();
		BucketKey view = new BucketKey("6b0ac595abc83a07e0d08fd1", "national", 1);
		buffer.close();
		assertThat(buffer.offer(view)).isFalse();

		buffer.open();

		assertThat(buffer.offer(view)).isTrue();
		assertThat(buffer.offered()).isEqualTo(1);
	}
}
