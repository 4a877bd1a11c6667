package org.newsroom.gateway.edge;

import java.util.Set;

import org.newsroom.platform.problem.ProblemException;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Spring Security's firewall refuses paths with encoded slashes, dot segments, {@code ;}
 * parameters, {@code //}, encoded percent signs, control characters, and methods outside the
 * usual set. Its default answer is a bare 400 with no body; this one is the same refusal as a
 * problem document like every other error (docs/architecture.md, "Errors"): 405 for a method the edge does
 * not serve at all, 400 for a path it will not route. The detail stays generic: echoing the
 * offending path back is what a prober wants.
 */
@Component
public class RejectedRequestProblems implements ServerExchangeRejectedHandler {

	/** The methods the firewall lets through (its defaults); anything else is a 405, not a 400. */
	static final Set<HttpMethod> SERVED_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST,
			HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.OPTIONS);

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
		if (!SERVED_METHODS.contains(exchange.getRequest().getMethod())) {
			// a 405 names what the path accepts (RFC 9110, section 15.5.6): a reader path's own
			// methods; elsewhere the edge cannot know the service's list, so it names every method
			// it passes on, and OPTIONS on the path answers exactly
			boolean readerPath = ReaderPaths.matches(exchange.getRequest().getPath().pathWithinApplication());
			exchange.getResponse().getHeaders().setAllow(readerPath ? ReaderPaths.METHODS : SERVED_METHODS);
			return Mono.error(new ProblemException(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed",
					"Method not allowed", "This site does not serve that HTTP method."));
		}
		return Mono.error(new ProblemException(HttpStatus.BAD_REQUEST, "bad-request", "Bad request",
				"The request path contains characters or sequences that are not accepted (encoded slashes or "
						+ "percent signs, dot segments, ';' parameters, empty segments or control characters)."));
	}
}
