package org.newsroom.platform.problem;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The platform's problem types and the few generic problems every service raises. Types are
 * URNs ({@code urn:newsroom:problem:<name>}); docs/problems.md explains each one.
 */
public final class Problems {

	private static final String TYPE_PREFIX = "urn:newsroom:problem:";

	private Problems() {
	}

	public static URI type(String name) {
		return URI.create(TYPE_PREFIX + name);
	}

	public static ProblemException notFound(String what) {
		return new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not found", what + " does not exist.");
	}

	public static ProblemException invalid(String detail, List<FieldProblem> errors) {
		return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-input", "Invalid input", detail,
				errors, Map.of(), null);
	}

	public static ProblemException invalid(String field, String message) {
		return invalid(field + ": " + message, List.of(new FieldProblem(field, message)));
	}

	public static ProblemException badRequest(String detail, List<FieldProblem> errors) {
		return new ProblemException(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", detail, errors,
				Map.of(), null);
	}

	public static ProblemException unavailable(String detail, Duration retryAfter) {
		return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
				detail, List.of(), Map.of(), retryAfter);
	}

	/** A problem for a bare HTTP status, with a short detail that reveals nothing internal. */
	public static ProblemDetail forStatus(HttpStatusCode status, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		HttpStatus known = HttpStatus.resolve(status.value());
		String phrase = known != null ? known.getReasonPhrase() : "Error";
		problem.setTitle(phrase);
		// "Method Not Allowed" -> urn:newsroom:problem:method-not-allowed; 413 keeps the name our
		// services use for it (RFC 9110 renamed the phrase to "Content Too Large")
		String name = status.value() == 413 ? "payload-too-large"
				: phrase.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
		problem.setType(type(name));
		return problem;
	}

	/**
	 * The problem as a plain map in member order, for writers that cannot use Spring's message
	 * converters (security entry points, error controllers).
	 */
	public static Map<String, Object> toMap(ProblemDetail problem) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", problem.getType() != null ? problem.getType().toString() : "about:blank");
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		body.put("detail", problem.getDetail());
		if (problem.getInstance() != null) {
			body.put("instance", problem.getInstance().toString());
		}
		if (problem.getProperties() != null) {
			body.putAll(problem.getProperties());
		}
		return body;
	}
}
