package org.newsroom.ranking.view;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.newsroom.platform.problem.ProblemException;

import org.springframework.http.HttpStatus;

/** The buffers are full (the store is slow): the view is refused, not counted, and may be sent again. */
public class IngestOverloaded extends ProblemException {

	public IngestOverloaded(Duration retryAfter) {
		super(HttpStatus.SERVICE_UNAVAILABLE, "ingest-overloaded", "Views cannot be taken right now",
				"Ranking is behind with storing views; this one was not counted. Send it again after Retry-After.",
				List.of(), Map.of(), retryAfter);
	}

	/** Thrown on the hot path exactly when the service is busiest: no stack trace to build. */
	@Override
	public synchronized Throwable fillInStackTrace() {
		return this;
	}
}
