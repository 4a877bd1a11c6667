package org.newsroom.media.config;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.newsroom.platform.problem.FieldProblem;
import org.newsroom.platform.problem.Problems;
import org.newsroom.platform.problem.ServletProblemHandler;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * A query parameter of the wrong type ({@code size=ten}, {@code status=LOST}) is the client's
 * mistake: 400 naming the parameter. (The shared translator turns this framework exception into
 * a 500 today; this keeps the media API right until the shared mapping covers it.)
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ParameterProblems {

	private final ServletProblemHandler problems;

	ParameterProblems(ServletProblemHandler problems) {
		this.problems = problems;
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<Object> wrongType(MethodArgumentTypeMismatchException mismatch, HttpServletRequest request) {
		String name = mismatch.getName();
		return problems.handleAny(Problems.badRequest(name + ": wrong type or format",
				List.of(new FieldProblem(name, "wrong type or format"))), request);
	}
}
