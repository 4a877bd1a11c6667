package org.newsroom.gateway.edge.resilience;

import java.util.Map;

import org.newsroom.gateway.edge.EdgeOrder;
import org.newsroom.platform.problem.Problems;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * A service's error answer that is not a problem document (Tomcat's own HTML page for a request
 * it refuses before any Spring code runs: {@code [ ]} raw in a query string, malformed UTF-8 in a
 * path) is replaced on its way through the gateway by a problem document with the same status,
 * so a client never sees a server's error page, its version or its wording (docs/architecture.md, "Errors").
 * Problem documents and JSON pass unchanged; so does everything under 400.
 */
@Component
public class ServiceErrorBodies implements GlobalFilter, Ordered {

	private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

	private final JsonMapper json;

	ServiceErrorBodies(JsonMapper json) {
		this.json = json;
	}

	@Override
	public int getOrder() {
		// before NettyWriteResponseFilter writes the service's body, so it writes through the decorator
		return EdgeOrder.SERVICE_ERROR_BODIES;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		String path = exchange.getRequest().getPath().value();
		ServerHttpResponse response = exchange.getResponse();
		ServerHttpResponseDecorator decorated = new ServerHttpResponseDecorator(response) {

			@Override
			public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
				HttpStatusCode status = getStatusCode();
				MediaType type = getHeaders().getContentType();
				if (status == null || !status.isError() || isJson(type)) {
					return super.writeWith(body);
				}
				byte[] problem = problem(status, path);
				getHeaders().setContentType(PROBLEM);
				getHeaders().setContentLength(problem.length);
				getHeaders().remove("Content-Language");
				return Flux.from(body)
					.doOnNext(DataBufferUtils::release)
					.then(Mono.defer(() -> super.writeWith(Mono.just(bufferFactory().wrap(problem)))));
			}
		};
		return chain.filter(exchange.mutate().response(decorated).build());
	}

	private static boolean isJson(MediaType type) {
		return type != null && (PROBLEM.isCompatibleWith(type) || MediaType.APPLICATION_JSON.isCompatibleWith(type));
	}

	/**
	 * The platform's problem for a bare status (docs/problems.md): its type follows the status,
	 * and a 5xx is an internal error whatever the service's page said.
	 */
	byte[] problem(HttpStatusCode status, String path) {
		String detail = status.is5xxServerError() ? "The service could not answer this request."
				: "The service refused this request as unreadable (check the path and query for characters that "
						+ "must be percent-encoded).";
		ProblemDetail problem = Problems.forStatus(status, detail);
		if (status.is5xxServerError()) {
			problem.setType(Problems.type("internal-error"));
		}
		Map<String, Object> body = Problems.toMap(problem);
		body.put("instance", path);
		return json.writeValueAsBytes(body);
	}
}
