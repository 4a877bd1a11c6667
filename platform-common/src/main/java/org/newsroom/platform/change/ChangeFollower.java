package org.newsroom.platform.change;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.newsroom.platform.lifecycle.Rounds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows a service's changes ({@link ChangeLog}, read directly or through {@link ChangeFeed})
 * and hands each new one to a {@link Listener}, on a thread of its own, every {@code interval}.
 *
 * <p>How it reads: each read asks for the changes after the newest one seen so far, less
 * {@code overlap}, so that a change recorded a moment late (by another replica, or still in
 * flight) is not skipped; the changes seen are remembered by id, so each one is handed over once.
 * Then again after {@code settle}: a change is recorded just before the write it announces, and
 * a cache may have re-read the old state in between, so dropping it once more a moment later
 * catches that. When one read returns more than a read may hold, the listener is told to forget
 * everything instead.
 */
public class ChangeFollower extends Rounds {

	private static final Logger log = LoggerFactory.getLogger(ChangeFollower.class);

	/** Where changes come from. Blocking is fine: it runs on the follower's own thread. */
	@FunctionalInterface
	public interface Source {

		/** The changes after {@code since} (all recent ones when null). */
		Changes read(Instant since) throws Exception;
	}

	/** What a cache does with the changes it follows. */
	public interface Listener {

		void changed(List<Change> changes);

		/** Too many changes at once to go through one by one: drop everything held. */
		void changedTooMuch();

		/** After every read, whether it worked: a cache may stop trusting what it holds. */
		default void read(boolean succeeded) {
		}
	}

	private final String name;
	private final Source source;
	private final Listener listener;
	private final Duration interval;
	private final Duration overlap;
	private final Duration settle;
	private final Clock clock;

	private final Map<String, Instant> seen = new HashMap<>();
	private Instant newest;
	private volatile Instant lastRead;
	private volatile boolean failing;

	public ChangeFollower(String name, Source source, Listener listener, Duration interval, Duration overlap,
			Duration settle, Clock clock) {
		super("changes-" + name, "Following the " + name + " changes", interval);
		this.name = name;
		this.source = source;
		this.listener = listener;
		this.interval = interval;
		this.overlap = overlap;
		this.settle = settle;
		this.clock = clock;
	}

	/** Whether the changes were read successfully within {@code age}: what the listener holds is current. */
	public boolean current(Duration age) {
		Instant read = lastRead;
		return read != null && !read.plus(age).isBefore(clock.instant());
	}

	/** One read (the follower's thread does this every {@code interval}; tests may call it directly). */
	public synchronized void readOnce() {
		Changes read;
		try {
			read = source.read(newest != null ? newest.minus(overlap) : null);
		}
		catch (Exception e) {
			if (!failing) {
				log.warn("Cannot read the {} changes; retrying every {} ms: {}", name, interval.toMillis(), e.toString());
			}
			failing = true;
			listener.read(false);
			return;
		}
		if (failing) {
			log.info("Reading the {} changes again", name);
			failing = false;
		}
		lastRead = clock.instant();
		List<Change> fresh = new ArrayList<>();
		for (Change change : read.changes()) {
			if (seen.putIfAbsent(change.id(), change.at()) == null) {
				fresh.add(change);
			}
			if (newest == null || change.at().isAfter(newest)) {
				newest = change.at();
			}
		}
		if (newest != null) {
			Instant forgetBefore = newest.minus(overlap).minus(overlap);
			seen.values().removeIf(at -> at.isBefore(forgetBefore));
		}
		if (!read.complete()) {
			log.warn("More {} changes at once than one read holds: dropping everything cached", name);
			listener.changedTooMuch();
		}
		else if (!fresh.isEmpty()) {
			listener.changed(fresh);
			later(settle, () -> listener.changed(fresh));
		}
		// only now: what the listener holds reflects every change read
		listener.read(true);
	}

	@Override
	protected void round() {
		readOnce();
	}
}
