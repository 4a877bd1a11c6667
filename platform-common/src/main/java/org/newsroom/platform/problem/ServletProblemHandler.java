package org.newsroom.platform.problem;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one problem+json mapping of a servlet service. Spring's own exceptions pass through
 * {@link #handleExceptionInternal}; everything else through {@link #handleAny}; both end in
 * {@link ProblemTranslator}.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ServletProblemHandler extends ResponseEntityExceptionHandler {

	@ExceptionHandler(Exception.class)
	public ResponseEntity<Object> handleAny(Exception error, HttpServletRequest request) {
		return respond(ProblemTranslator.translate(error), request.getRequestURI());
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception error, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		String path = request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI() : null;
		ProblemTranslator.Translation translation = ProblemTranslator.translate(error);
		translation.headers().addAll(headers);
		return respond(translation, path);
	}

	static ResponseEntity<Object> respond(ProblemTranslator.Translation translation, String path) {
		ProblemDetail problem = translation.problem();
		if (problem.getInstance() == null && path != null) {
			problem.setInstance(URI.create(path));
		}
		translation.headers().remove(HttpHeaders.CONTENT_TYPE);
		translation.headers().remove(HttpHeaders.CONTENT_LENGTH);
		return ResponseEntity.status(problem.getStatus())
			.headers(translation.headers())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}
}
