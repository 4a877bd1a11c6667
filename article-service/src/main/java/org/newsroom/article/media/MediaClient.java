package org.newsroom.article.media;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.micrometer.context.ContextExecutorService;
import jakarta.annotation.PreDestroy;
import org.newsroom.article.config.ArticleProperties;
import org.newsroom.platform.problem.ProblemException;
import org.newsroom.platform.problem.Problems;
import org.newsroom.platform.web.ServiceLocations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The article-service's calls to media-service, each behind Resilience4j: a time limit per
 * attempt, retries with exponential back-off for failures that are safe to repeat (the calls are
 * GETs; connection errors, timeouts and 5xx answers are retried, a 404 or other answer is not),
 * and a circuit breaker that stops calling a media-service that keeps failing. When media-service
 * cannot answer, callers get a 503 problem with {@code Retry-After}, never a guess.
 */
@Component
public class MediaClient {

	private static final Logger log = LoggerFactory.getLogger(MediaClient.class);

	/** Retry-After when the attempts ran out but the breaker is still closed. */
	static final Duration RETRY_AFTER_FAILED = Duration.ofSeconds(5);

	private final RestClient http;
	private final CircuitBreaker breaker;
	private final Retry retry;
	private final TimeLimiter timeLimiter;
	private final ExecutorService calls;
	private final Duration openFor;

	public MediaClient(ServiceLocations services, ArticleProperties properties, RestClient.Builder restClients) {
		ArticleProperties.MediaCheck settings = properties.mediaCheck();
		this.openFor = settings.openFor();
		HttpClient client = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
		requests.setReadTimeout(settings.timeout());
		// Boot's builder, so X-Request-Id and traceparent go with every call to media-service
		this.http = restClients.clone().baseUrl(services.media()).requestFactory(requests).build();
		Predicate<Throwable> transientFailure = MediaClient::isTransient;
		this.breaker = CircuitBreaker.of("media", CircuitBreakerConfig.custom()
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(settings.window())
			.minimumNumberOfCalls(settings.minimumCalls())
			.failureRateThreshold(settings.failureRate())
			.waitDurationInOpenState(settings.openFor())
			.permittedNumberOfCallsInHalfOpenState(1)
			.recordException(transientFailure)
			.build());
		this.retry = Retry.of("media", RetryConfig.custom()
			.maxAttempts(settings.attempts())
			.intervalFunction(IntervalFunction.ofExponentialBackoff(settings.backoff(), 2.0))
			.retryOnException(transientFailure)
			.build());
		this.timeLimiter = TimeLimiter.of("media",
				TimeLimiterConfig.custom().timeoutDuration(settings.timeout()).cancelRunningFuture(true).build());
		// calls run on their own threads (for the time limit); the wrapper carries the caller's
		// request id and trace context over to them
		this.calls = ContextExecutorService.wrap(Executors.newCachedThreadPool(daemonThreads()));
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

	public CircuitBreaker breaker() {
		return breaker;
	}

	private <T> T call(Callable<T> request) {
		Callable<T> limited = TimeLimiter.decorateFutureSupplier(timeLimiter, () -> calls.submit(request));
		Callable<T> guarded = Retry.decorateCallable(retry, CircuitBreaker.decorateCallable(breaker, limited));
		try {
			return guarded.call();
		}
		catch (CallNotPermittedException open) {
			throw Problems.unavailable("media-service keeps failing, so photos cannot be checked right now; try again later.",
					openFor);
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

	/** Failures worth another attempt and worth counting against media-service's health. */
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

	private static ThreadFactory daemonThreads() {
		AtomicInteger count = new AtomicInteger();
		return runnable -> {
			Thread thread = new Thread(runnable, "media-call-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	@PreDestroy
	void stop() {
		calls.shutdownNow();
	}
}
