package org.newsroom.platform.problem;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A request that cannot be served, with what the client needs to know about it. Services
 * throw subclasses with domain meaning (an article that does not exist, a stale version); the
 * shared handlers turn them into RFC 9457 problem documents.
 */
public class ProblemException extends RuntimeException {

	private final HttpStatus status;
	private final String type;
	private final String title;
	private final List<FieldProblem> errors;
	private final Map<String, Object> properties;
	private final Duration retryAfter;

	public ProblemException(HttpStatus status, String type, String title, String detail) {
		this(status, type, title, detail, List.of(), Map.of(), null);
	}

	public ProblemException(HttpStatus status, String type, String title, String detail,
			List<FieldProblem> errors, Map<String, Object> properties, Duration retryAfter) {
		super(detail);
		this.status = status;
		this.type = type;
		this.title = title;
		this.errors = List.copyOf(errors);
		this.properties = Map.copyOf(properties);
		this.retryAfter = retryAfter;
	}

	public HttpStatus status() {
		return status;
	}

	public Duration retryAfter() {
		return retryAfter;
	}

	public ProblemDetail toProblemDetail() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, getMessage());
		problem.setType(Problems.type(type));
		problem.setTitle(title);
		if (!errors.isEmpty()) {
			problem.setProperty("errors", errors);
		}
		properties.forEach(problem::setProperty);
		return problem;
	}
}
