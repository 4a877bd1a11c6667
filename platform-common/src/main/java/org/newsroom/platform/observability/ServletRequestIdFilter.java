package org.newsroom.platform.observability;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the request id into the MDC for every log line of a servlet request and echoes it in the
 * response. Behind the gateway the id arrives in the header; a direct call gets a new one.
 */
public class ServletRequestIdFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String id = RequestId.acceptOrGenerate(request.getHeader(RequestId.HEADER));
		request.setAttribute(RequestId.CONTEXT_KEY, id);
		response.setHeader(RequestId.HEADER, id);
		MDC.put(RequestId.MDC_KEY, id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(RequestId.MDC_KEY);
		}
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}
}
