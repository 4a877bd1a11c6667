package org.newsroom.platform.problem;

import java.net.URI;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers the container's error dispatch (a request Tomcat rejects before Spring sees it, an
 * exception from a filter) with problem+json instead of Boot's default error JSON.
 */
@RestController
public class ServletProblemErrorController implements ErrorController {

	@RequestMapping(path = "${server.error.path:/error}", produces = { MediaType.APPLICATION_PROBLEM_JSON_VALUE,
			MediaType.APPLICATION_JSON_VALUE, MediaType.ALL_VALUE })
	public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
		Object error = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		ProblemDetail problem;
		HttpHeaders headers = new HttpHeaders();
		if (error instanceof Throwable throwable && !(code instanceof Integer c && c < 500)) {
			ProblemTranslator.Translation translation = ProblemTranslator.translate(throwable);
			problem = translation.problem();
			headers.addAll(translation.headers());
		}
		else {
			HttpStatus status = code instanceof Integer c && HttpStatus.resolve(c) != null ? HttpStatus.valueOf(c)
					: HttpStatus.INTERNAL_SERVER_ERROR;
			problem = Problems.forStatus(status, status == HttpStatus.NOT_FOUND ? "No such resource."
					: status.getReasonPhrase() + ".");
		}
		if (path instanceof String p && isSafePath(p)) {
			problem.setInstance(URI.create(p));
		}
		return ResponseEntity.status(problem.getStatus())
			.headers(headers)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(Problems.toMap(problem));
	}

	private static boolean isSafePath(String path) {
		try {
			URI.create(path);
			return path.length() <= 2048;
		}
		catch (IllegalArgumentException e) {
			return false;
		}
	}
}
