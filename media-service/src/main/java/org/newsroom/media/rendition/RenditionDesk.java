package org.newsroom.media.rendition;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.newsroom.media.config.MediaProperties;
import org.newsroom.media.photo.OriginalStore;
import org.newsroom.media.photo.Photo;
import org.newsroom.media.photo.PhotoLibrary;
import org.newsroom.media.photo.PhotoTakenDown;
import org.newsroom.media.photo.Sha256;
import org.newsroom.platform.problem.Problems;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * Hands out renditions, making each on its first request and storing it for every later one.
 *
 * <p>Concurrent first requests for the same rendition in this replica share one piece of work:
 * the first starts it, the others wait for the same result. Across replicas the store's key
 * ({@link StoredRendition}) lets only one made copy be recorded; a replica that loses the race
 * drops its copy and serves the recorded one. Work runs on a small pool
 * ({@code newsroom.media.rendition-workers}) because each job holds a decoded original in
 * memory; when its queue is full, requests get 503 with {@code Retry-After}.
 */
@Service
public class RenditionDesk implements DisposableBean {

	static final Duration WAIT_LIMIT = Duration.ofMinutes(2);

	private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

	private final RenditionStore store;
	private final RenditionMaker maker;
	private final PhotoLibrary library;
	private final OriginalStore originals;
	private final MeterRegistry meters;
	private final Timer makeTime;
	private final ThreadPoolExecutor workers;
	private final ConcurrentHashMap<String, CompletableFuture<StoredRendition>> inFlight = new ConcurrentHashMap<>();
	private final Clock clock;

	public RenditionDesk(RenditionStore store, RenditionMaker maker, PhotoLibrary library, OriginalStore originals,
			MeterRegistry meters, MediaProperties properties, Clock clock) {
		this.clock = clock;
		this.store = store;
		this.maker = maker;
		this.library = library;
		this.originals = originals;
		this.meters = meters;
		this.makeTime = Timer.builder("media.renditions.make")
			.description("Time to make one rendition from its original (decode, scale, encode)")
			.register(meters);
		AtomicInteger threads = new AtomicInteger();
		int size = properties.renditionWorkers();
		this.workers = new ThreadPoolExecutor(size, size, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(256),
				task -> {
					Thread thread = new Thread(task, "rendition-" + threads.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
	}

	/** The stored rendition, made now if this is its first request. */
	public StoredRendition obtain(Photo photo, RenditionSpec spec) {
		Optional<StoredRendition> made = store.find(photo.id(), spec);
		if (made.isPresent()) {
			return made.get();
		}
		String key = StoredRendition.idOf(photo.id(), spec);
		CompletableFuture<StoredRendition> mine = new CompletableFuture<>();
		CompletableFuture<StoredRendition> running = inFlight.putIfAbsent(key, mine);
		if (running == null) {
			running = mine;
			try {
				workers.execute(() -> {
					try {
						mine.complete(makeAndStore(photo.id(), spec));
					}
					catch (Throwable failure) {
						mine.completeExceptionally(failure);
					}
					finally {
						inFlight.remove(key, mine);
					}
				});
			}
			catch (RejectedExecutionException full) {
				inFlight.remove(key, mine);
				throw Problems.unavailable("Too many renditions are being made right now; try again shortly.",
						RETRY_AFTER);
			}
		}
		return await(running);
	}

	private StoredRendition makeAndStore(String photoId, RenditionSpec spec) {
		// a request that saw no rendition may arrive just after another one stored it
		Optional<StoredRendition> made = store.find(photoId, spec);
		if (made.isPresent()) {
			return made.get();
		}
		// read again: the credit to stamp may have changed since the request looked
		Photo photo = library.findActive(photoId);
		byte[] bytes = makeTime.record(() -> maker.make(photo, originals.readAll(photo.originalFileId()), spec));
		Counter.builder("media.renditions.made")
			.description("Renditions made from originals (first requests)")
			.tag("rendition", spec.id())
			.register(meters)
			.increment();
		RenditionSpec.Size size = spec.sizeFor(photo.width(), photo.height());
		StoredRendition stored = store.store(new StoredRendition(StoredRendition.idOf(photoId, spec), photoId,
				spec.id(), null, size.width(), size.height(), bytes.length, Sha256.of(bytes),
				clock.instant().truncatedTo(ChronoUnit.SECONDS)), bytes);
		// a takedown that ran while this was being made must not leave a rendition behind
		if (library.find(photoId).isTakenDown()) {
			store.deleteAll(photoId);
			throw new PhotoTakenDown();
		}
		return stored;
	}

	private static StoredRendition await(CompletableFuture<StoredRendition> running) {
		try {
			return running.get(WAIT_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException slow) {
			throw Problems.unavailable("The rendition is taking long to make; try again shortly.", RETRY_AFTER);
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw Problems.unavailable("The service is shutting down; try again shortly.", RETRY_AFTER);
		}
		catch (ExecutionException failed) {
			Throwable cause = failed.getCause();
			if (cause instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (cause instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(cause);
		}
	}

	@Override
	public void destroy() {
		workers.shutdownNow();
	}
}
