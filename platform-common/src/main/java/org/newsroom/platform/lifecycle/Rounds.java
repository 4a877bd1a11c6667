package org.newsroom.platform.lifecycle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * A component that does its job in rounds on a daemon thread of its own, started and stopped with
 * the application (the change followers, ranking-service's list refresher). The pause runs from
 * the end of one round to the start of the next, so a slow round delays the next one and never
 * overlaps it. A round that throws is logged and the rounds go on: a scheduled executor would
 * otherwise stop repeating it without a word.
 */
public abstract class Rounds implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(Rounds.class);

	private final String threadName;
	private final String job;
	private final Duration pause;
	private ScheduledExecutorService executor;

	/**
	 * @param threadName the thread's name, as thread dumps show it
	 * @param job what a round does, for the log line of a round that fails ("Refreshing the top lists")
	 * @param pause from the end of one round to the start of the next
	 */
	protected Rounds(String threadName, String job, Duration pause) {
		this.threadName = threadName;
		this.job = job;
		this.pause = pause;
	}

	/** One round of the job. */
	protected abstract void round();

	/** Starts the rounds: the first at once, then each {@code pause} after the end of the last. */
	@Override
	public synchronized void start() {
		executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, threadName);
			thread.setDaemon(true);
			return thread;
		});
		executor.scheduleWithFixedDelay(() -> {
			try {
				round();
			}
			catch (RuntimeException e) {
				log.error("{} failed unexpectedly; again on the next round", job, e);
			}
		}, 0, pause.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** Runs a task once on the rounds' thread after {@code delay}; nothing when they are stopped. */
	protected synchronized void later(Duration delay, Runnable task) {
		if (executor != null && !executor.isShutdown()) {
			executor.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	/** Stops the rounds, interrupting one under way. */
	@Override
	public synchronized void stop() {
		if (executor != null) {
			executor.shutdownNow();
			executor = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return executor != null;
	}
}
