package org.newsroom.platform.security;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.newsroom.platform.problem.Problems;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 for a servlet service: a Bearer challenge (RFC 6750) and a problem+json body. */
public class ServletProblemAuthHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final JsonMapper json;

	public ServletProblemAuthHandlers(JsonMapper json) {
		this.json = json;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
			throws IOException {
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, BearerChallenge.forFailure(failure));
		write(request, response, AuthProblems.unauthorized(failure));
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException {
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, BearerChallenge.forDenied());
		write(request, response, AuthProblems.forbidden());
	}

	private void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
			throws IOException {
		problem.setInstance(URI.create(request.getRequestURI()));
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), Problems.toMap(problem));
	}
}
