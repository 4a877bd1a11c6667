package org.newsroom.platform.problem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Problems for Spring's data-access exceptions. A class of its own so that applications without
 * spring-tx never load it: {@link ProblemTranslator} calls it only when present. The gateway has it
 * with the desk's sessions in Redis (Spring Data Redis), whose failures are of these kinds too.
 */
final class DataAccessProblems {

	private static final Logger log = LoggerFactory.getLogger(DataAccessProblems.class);

	private DataAccessProblems() {
	}

	/** The problem for a data-access exception, or null when the error is of another kind. */
	static ProblemTranslator.Translation translate(Throwable error) {
		if (error instanceof DuplicateKeyException) {
			return ProblemTranslator.plain(ProblemTranslator.problem(HttpStatus.CONFLICT, "conflict", "Conflict",
					"A resource with the same unique value already exists."));
		}
		if (error instanceof OptimisticLockingFailureException) {
			return ProblemTranslator.plain(ProblemTranslator.problem(HttpStatus.CONFLICT, "conflict", "Conflict",
					"The resource was changed by someone else; read it again and retry."));
		}
		// the store not reachable, or not answering in time (a Redis command's timeout)
		if (error instanceof DataAccessResourceFailureException || error instanceof QueryTimeoutException) {
			log.warn("Store unavailable: {}", NestedExceptionUtils.getMostSpecificCause(error).toString());
			return storeUnavailable();
		}
		return null;
	}

	static ProblemTranslator.Translation storeUnavailable() {
		ProblemDetail problem = ProblemTranslator.problem(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable",
				"Service unavailable", "The service's database cannot be reached right now.");
		return ProblemTranslator.withRetryAfter(problem, ProblemTranslator.STORE_RETRY_AFTER);
	}
}
