package org.newsroom.article.story;

import java.util.List;

import org.newsroom.platform.problem.FieldProblem;
import org.newsroom.platform.problem.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * {@code ETag} is the article's version ({@code "7"}); an update must name the version it was
 * made from in {@code If-Match}. Without it: 428. With another version: 412, and the client
 * reads the article again. {@code *} is refused too: it would let an editor overwrite a change
 * they never saw.
 */
public final class VersionPreconditions {

	private VersionPreconditions() {
	}

	public static String etag(Article article) {
		return "\"" + article.currentVersion() + "\"";
	}

	/** The version named by If-Match; throws 428 when there is none. */
	public static long required(String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank()) {
			throw new ProblemException(HttpStatus.PRECONDITION_REQUIRED, "precondition-required", "Precondition required",
					"Send If-Match with the ETag of the version you edited, so that no one else's change is overwritten.",
					List.of(new FieldProblem("If-Match", "required")), java.util.Map.of(), null);
		}
		String value = ifMatch.strip();
		if (value.startsWith("W/")) {
			value = value.substring(2);
		}
		if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
			value = value.substring(1, value.length() - 1);
		}
		try {
			long version = Long.parseLong(value);
			if (version < 0) {
				throw new NumberFormatException();
			}
			return version;
		}
		catch (NumberFormatException e) {
			throw new ProblemException(HttpStatus.PRECONDITION_REQUIRED, "precondition-required", "Precondition required",
					"If-Match must be one ETag as returned by this API, such as \"3\".",
					List.of(new FieldProblem("If-Match", "one ETag such as \"3\"")), java.util.Map.of(), null);
		}
	}

	/** 412 when the stored version is not the one the client edited. */
	public static StaleVersion stale(long expected, long current) {
		return new StaleVersion(expected, current);
	}

	public static class StaleVersion extends ProblemException {

		StaleVersion(long expected, long current) {
			super(HttpStatus.PRECONDITION_FAILED, "stale-version", "Stale version",
					"The article is at version " + current + ", not " + expected
							+ ": someone else changed it. Read it again, reapply your change, and send the new ETag.",
					List.of(new FieldProblem("If-Match", "stale: current version is " + current)),
					java.util.Map.of("currentVersion", current), null);
		}
	}

	/** The article is not in a state that allows the request (withdrawing a draft). */
	public static ProblemException invalidState(String detail) {
		return new ProblemException(HttpStatus.CONFLICT, "invalid-state", "Not allowed in this state", detail);
	}
}
