package org.newsroom.article.config;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.newsroom.platform.problem.ProblemException;
import org.newsroom.platform.problem.Problems;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Request bodies are refused above {@link #MAX_BODY} with 413, before they are read when the
 * length is declared, and as soon as the limit is passed when it is not (chunked). An article
 * is at most 200 KB of text; with JSON escaping that stays well under the limit.
 */
@Component
class RequestSizeLimit extends OncePerRequestFilter {

	static final long MAX_BODY = 2 * 1024 * 1024;

	private final JsonMapper json;

	RequestSizeLimit(JsonMapper json) {
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > MAX_BODY) {
			var problem = tooLarge().toProblemDetail();
			problem.setInstance(URI.create(request.getRequestURI()));
			response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setHeader("Connection", "close");
			json.writeValue(response.getOutputStream(), Problems.toMap(problem));
			return;
		}
		chain.doFilter(request.getContentLengthLong() < 0 ? new Limited(request) : request, response);
	}

	static ProblemException tooLarge() {
		return new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
				"The request body is larger than " + (MAX_BODY / (1024 * 1024)) + " MB.");
	}

	/** A body of undeclared length, cut off at the limit. */
	private static final class Limited extends HttpServletRequestWrapper {

		private ServletInputStream limited;

		Limited(HttpServletRequest request) {
			super(request);
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (limited == null) {
				ServletInputStream in = super.getInputStream();
				limited = new ServletInputStream() {
					private long read;

					@Override
					public int read() throws IOException {
						int b = in.read();
						if (b >= 0 && ++read > MAX_BODY) {
							throw tooLarge();
						}
						return b;
					}

					@Override
					public int read(byte[] buffer, int offset, int length) throws IOException {
						int n = in.read(buffer, offset, length);
						if (n > 0 && (read += n) > MAX_BODY) {
							throw tooLarge();
						}
						return n;
					}

					@Override
					public boolean isFinished() {
						return in.isFinished();
					}

					@Override
					public boolean isReady() {
						return in.isReady();
					}

					@Override
					public void setReadListener(ReadListener listener) {
						in.setReadListener(listener);
					}
				};
			}
			return limited;
		}
	}
}
