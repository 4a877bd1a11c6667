package org.newsroom.media.upload;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.newsroom.media.config.MediaProperties;
import org.newsroom.platform.problem.FieldProblem;
import org.newsroom.platform.problem.ProblemException;
import org.newsroom.platform.problem.ServletProblemHandler;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * What the multipart parser refuses, as problems: a part or request over the limit is 413, and
 * a body that is not valid multipart (no boundary, cut short, too many parts) is 400, not the
 * 500 an unmapped parser error would become. The shared handler writes the problem document.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class MultipartRefusals {

	private final MediaProperties properties;
	private final ServletProblemHandler problems;

	MultipartRefusals(MediaProperties properties, ServletProblemHandler problems) {
		this.properties = properties;
		this.problems = problems;
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<Object> tooLarge(HttpServletRequest request) {
		return problems.handleAny(new UploadTooLarge("file", properties.maxUpload()), request);
	}

	@ExceptionHandler(MultipartException.class)
	ResponseEntity<Object> malformed(HttpServletRequest request) {
		return problems.handleAny(new ProblemException(HttpStatus.BAD_REQUEST, "malformed-multipart",
				"Malformed upload", "The request body is not a readable multipart/form-data upload.",
				List.of(new FieldProblem("file", "unreadable multipart body")), Map.of(), null), request);
	}
}
