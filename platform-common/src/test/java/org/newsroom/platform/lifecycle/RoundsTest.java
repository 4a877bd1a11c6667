package org.newsroom.platform.lifecycle;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Rounds go on after one that throws, run on their own named thread, and end when stopped. */
class RoundsTest {

	private Rounds rounds;

	@AfterEach
	void stop() {
		if (rounds != null) {
			rounds.stop();
		}
	}

	private Rounds rounds(Duration pause, Runnable round) {
		rounds = new Rounds("rounds-test", "Testing the rounds", pause) {
			@Override
			protected void round() {
				round.run();
			}
		};
		return rounds;
	}

	@Test
	void aRoundThatThrowsDoesNotEndTheRounds() throws InterruptedException {
		CountDownLatch three = new CountDownLatch(3);
		rounds(Duration.ofMillis(5), () -> {
			three.countDown();
			throw new IllegalStateException("a round that fails");
		}).start();

		assertThat(three.await(5, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void roundsRunOnTheirOwnDaemonThread() throws InterruptedException {
		CountDownLatch ran = new CountDownLatch(1);
		Thread[] seen = new Thread[1];
		rounds(Duration.ofSeconds(10), () -> {
			seen[0] = Thread.currentThread();
			ran.countDown();
		}).start();

		assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(seen[0].getName()).isEqualTo("rounds-test");
		assertThat(seen[0].isDaemon()).isTrue();
	}

	@Test
	void stoppedRoundsRunNothingMore() throws InterruptedException {
		AtomicInteger count = new AtomicInteger();
		CountDownLatch first = new CountDownLatch(1);
		rounds(Duration.ofMillis(5), () -> {
			count.incrementAndGet();
			first.countDown();
		}).start();
		assertThat(first.await(5, TimeUnit.SECONDS)).isTrue();

		rounds.stop();
		int atStop = count.get();
		Thread.sleep(50);

		assertThat(rounds.isRunning()).isFalse();
		assertThat(count.get()).isLessThanOrEqualTo(atStop + 1);
		CountDownLatch later = new CountDownLatch(1);
		rounds.later(Duration.ZERO, later::countDown);
		assertThat(later.await(100, TimeUnit.MILLISECONDS)).as("nothing runs on stopped rounds").isFalse();
	}

	@Test
	void aLaterTaskRunsOnceAfterItsDelay() throws InterruptedException {
		rounds(Duration.ofSeconds(10), () -> {
		}).start();
		AtomicInteger count = new AtomicInteger();
		CountDownLatch ran = new CountDownLatch(1);
		long asked = System.nanoTime();
		rounds.later(Duration.ofMillis(50), () -> {
			count.incrementAndGet();
			ran.countDown();
		});

		assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(System.nanoTime() - asked).isGreaterThanOrEqualTo(Duration.ofMillis(50).toNanos());
		Thread.sleep(100);
		assertThat(count.get()).isEqualTo(1);
	}
}
