package org.newsroom.article.media;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.ThreadPoolBulkhead;
import io.github.resilience4j.bulkhead.ThreadPoolBulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.context.ContextSnapshotFactory;
import jakarta.annotation.PreDestroy;
import org.newsroom.platform.problem.ProblemException;
import org.newsroom.platform.problem.Problems;
import org.newsroom.platform.web.ServiceLocations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The article-service's calls to media-service, each behind Resilience4j, all of it configured
 * as the {@value #MEDIA} instances under {@code resilience4j.*} in application.yml (and listed at
 * {@code /actuator/circuitbreakers}): a time limit per attempt, retries with exponential back-off
 * for failures that are safe to repeat (the calls are GETs; connection errors, timeouts and 5xx
 * answers are retried, a 404 or other answer is not: {@link TransientFailure}), and a circuit
 * breaker that stops calling a media-service that keeps failing. Attempts run on the bounded
 * thread pool of the {@value #MEDIA} thread-pool bulkhead (the time limiter needs the call on
 * another thread); when it is full, the check is refused at once rather than queued without
 * end. When media-service cannot answer, callers get a 503 problem with {@code Retry-After},
 * never a guess.
 */
@Component
public class MediaClient {

	private static final Logger log = LoggerFactory.getLogger(MediaClient.class);

	/** The name of the breaker, retry, time limiter and thread pool in application.yml. */
	static final String MEDIA = "media";

	/** Retry-After when the attempts ran out but the breaker is still closed. */
	static final Duration RETRY_AFTER_FAILED = Duration.ofSeconds(5);

	private final RestClient http;
	private final CircuitBreaker breaker;
	private final Retry retry;
	private final TimeLimiter timeLimiter;
	private final ThreadPoolBulkhead calls;
	private final Duration openFor;

	/** The caller's request id and trace context, carried over to the thread that makes the call. */
	private final ContextSnapshotFactory context = ContextSnapshotFactory.builder().build();

	public MediaClient(ServiceLocations services, RestClient.Builder restClients, CircuitBreakerRegistry breakers,
			RetryRegistry retries, TimeLimiterRegistry timeLimiters, ThreadPoolBulkheadRegistry threadPools) {
		this.breaker = breakers.circuitBreaker(MEDIA);
		this.retry = retries.retry(MEDIA);
		this.timeLimiter = timeLimiters.timeLimiter(MEDIA);
		this.calls = threadPools.bulkhead(MEDIA);
		// the Retry-After given while the breaker is open: the time it stays open
		this.openFor = Duration.ofMillis(breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1));
		// the connection and the answer have the attempt's time limit too, so that a call the time
		// limiter gave up on frees its pool thread by then
		Duration timeout = timeLimiter.getTimeLimiterConfig().getTimeoutDuration();
		HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
		requests.setReadTimeout(timeout);
		// Boot's builder, so X-Request-Id and traceparent go with every call to media-service
		this.http = restClients.clone().baseUrl(services.media()).requestFactory(requests).build();
	}

	/** Whether the photo may be published; a photo media-service does not know is {@link PhotoUsage#notFound()}. */
	public PhotoUsage usage(String mediaId) {
		return call(() -> http.get().uri("/api/media/{id}/usage", mediaId).exchange((request, response) -> {
			HttpStatusCode status = response.getStatusCode();
			if (status.value() == 404) {
				return PhotoUsage.notFound();
			}
			failUnlessOk(status);
			return response.bodyTo(PhotoUsage.class);
		}));
	}

	/** The photo's caption, credit and renditions; empty when media-service does not know it. */
	public Optional<PhotoMetadata> photo(String mediaId) {
		return call(() -> http.get().uri("/api/media/{id}", mediaId).exchange((request, response) -> {
			HttpStatusCode status = response.getStatusCode();
			if (status.value() == 404) {
				return Optional.<PhotoMetadata>empty();
			}
			failUnlessOk(status);
			return Optional.ofNullable(response.bodyTo(PhotoMetadata.class));
		}));
	}

	/**
	 * The photo for a document that is served without it when media-service cannot answer (a
	 * feed, a ninjs item): a 503 becomes {@link PhotoLookup#unavailable()} instead of failing the
	 * document. Any other problem still fails it.
	 */
	public PhotoLookup photoOrNone(String mediaId) {
		try {
			return photo(mediaId).map(PhotoLookup::found).orElseGet(PhotoLookup::unknown);
		}
		catch (ProblemException problem) {
			if (problem.status() != HttpStatus.SERVICE_UNAVAILABLE) {
				throw problem;
			}
			log.warn("photo {} left out: {}", mediaId, problem.getMessage());
			return PhotoLookup.unavailable();
		}
	}

	/**
	 * What media-service said of a photo: its metadata, or none because it does not know the
	 * photo or because it could not answer ({@code mediaUnavailable}: a caller that would ask for
	 * more photos can stop asking).
	 */
	public record PhotoLookup(Optional<PhotoMetadata> photo, boolean mediaUnavailable) {

		static PhotoLookup found(PhotoMetadata photo) {
			return new PhotoLookup(Optional.of(photo), false);
		}

		static PhotoLookup unknown() {
			return new PhotoLookup(Optional.empty(), false);
		}

		static PhotoLookup unavailable() {
			return new PhotoLookup(Optional.empty(), true);
		}
	}

	public CircuitBreaker breaker() {
		return breaker;
	}

	private <T> T call(Callable<T> request) {
		Callable<T> inContext = context.captureAll().wrap(request);
		Callable<T> limited = TimeLimiter.decorateFutureSupplier(timeLimiter,
				() -> calls.executeCallable(inContext).toCompletableFuture());
		Callable<T> guarded = Retry.decorateCallable(retry, CircuitBreaker.decorateCallable(breaker, limited));
		try {
			return guarded.call();
		}
		catch (CallNotPermittedException open) {
			throw Problems.unavailable("media-service keeps failing, so photos cannot be checked right now; try again later.",
					openFor);
		}
		catch (BulkheadFullException full) {
			log.warn("too many photo checks at once: {}", full.toString());
			throw Problems.unavailable("Too many photos are being checked at once; try again in a moment.",
					RETRY_AFTER_FAILED);
		}
		catch (Exception e) {
			Throwable cause = unwrap(e);
			if (isTransient(cause)) {
				log.warn("media-service did not answer: {}", cause.toString());
				throw Problems.unavailable("media-service is not answering, so photos cannot be checked right now.",
						RETRY_AFTER_FAILED);
			}
			if (cause instanceof ProblemException problem) {
				throw problem;
			}
			log.warn("media-service gave an answer this service cannot use: {}", cause.toString());
			throw Problems.unavailable("media-service gave an unexpected answer, so photos cannot be checked right now.",
					RETRY_AFTER_FAILED);
		}
	}

	private static void failUnlessOk(HttpStatusCode status) {
		if (status.is5xxServerError()) {
			throw new HttpServerErrorException(status);
		}
		if (!status.is2xxSuccessful()) {
			throw new UnexpectedAnswer(status);
		}
	}

	/**
	 * Failures worth another attempt and worth counting against media-service's health: the
	 * {@code record-failure-predicate} of the breaker and {@code retry-exception-predicate} of the
	 * retry in application.yml.
	 */
	public static final class TransientFailure implements Predicate<Throwable> {

		@Override
		public boolean test(Throwable error) {
			return isTransient(error);
		}
	}

	static boolean isTransient(Throwable error) {
		Throwable cause = unwrap(error);
		return cause instanceof TimeoutException || cause instanceof ResourceAccessException
				|| cause instanceof HttpServerErrorException || cause instanceof IOException;
	}

	private static Throwable unwrap(Throwable error) {
		Throwable current = error;
		while ((current instanceof ExecutionException || current instanceof CompletionException)
				&& current.getCause() != null) {
			current = current.getCause();
		}
		return current;
	}

	/** A 4xx other than 404: a defect on one side, not a reason to retry. */
	static final class UnexpectedAnswer extends RuntimeException {

		UnexpectedAnswer(HttpStatusCode status) {
			super("media-service answered " + status.value());
		}
	}

	@PreDestroy
	void stop() throws Exception {
		calls.close();
	}
}
