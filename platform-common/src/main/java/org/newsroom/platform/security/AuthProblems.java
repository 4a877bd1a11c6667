package org.newsroom.platform.security;

import org.newsroom.platform.problem.ProblemTranslator;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;

/** The bodies of 401 and 403, the same on every web stack. */
final class AuthProblems {

	private AuthProblems() {
	}

	static ProblemDetail unauthorized(AuthenticationException failure) {
		return ProblemTranslator.problem(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
				BearerChallenge.tokenPresented(failure) ? "The bearer token is invalid or expired."
						: "This request needs a bearer token from the news realm.");
	}

	static ProblemDetail forbidden() {
		return ProblemTranslator.problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
				"Your account does not have the role this request needs.");
	}
}
