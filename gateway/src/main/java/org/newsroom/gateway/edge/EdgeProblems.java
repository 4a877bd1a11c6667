package org.newsroom.gateway.edge;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.newsroom.platform.problem.ProblemException;
import org.newsroom.platform.problem.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

/** The problems the edge itself answers with; docs/problems.md lists their types. */
public final class EdgeProblems {

	private EdgeProblems() {
	}

	public static ProblemException serviceDown(String service, Duration retryAfter) {
		return Problems.unavailable("The " + service + " service is not answering; try again shortly.", retryAfter);
	}

	public static ProblemException breakerOpen(String service, Duration retryAfter) {
		return Problems.unavailable("The " + service
				+ " service failed repeatedly and is being given a pause; try again shortly.", retryAfter);
	}

	/**
	 * A service that accepted the request but did not answer in time. For a write the outcome is
	 * unknown, so this is 504, not a 503 that would suggest nothing happened.
	 */
	public static ProblemException timedOut(String service, Duration retryAfter) {
		return new ProblemException(HttpStatus.GATEWAY_TIMEOUT, "gateway-timeout", "Gateway timeout", "The "
				+ service + " service did not answer in time; a write may or may not have been applied.",
				List.of(), Map.of(), retryAfter);
	}

	public static ProblemException tooManyRequests(Duration retryAfter) {
		return new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests",
				"This client sent more requests than the edge accepts; wait before sending more.", List.of(),
				Map.of(), retryAfter);
	}

	public static ProblemException tooManyAuthFailures(Duration retryAfter) {
		return new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests",
				"Too many requests with invalid credentials came from this client; wait before trying again.",
				List.of(), Map.of(), retryAfter);
	}

	public static ProblemException payloadTooLarge(DataSize limit) {
		return new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
				"The request body is larger than this route accepts (" + describe(limit) + ").");
	}

	private static String describe(DataSize size) {
		long bytes = size.toBytes();
		if (bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
			return size.toMegabytes() + " MB";
		}
		if (bytes % 1024 == 0) {
			return size.toKilobytes() + " KB";
		}
		return bytes + " bytes";
	}
}
