package org.newsroom.gateway.edge.limits;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.newsroom.gateway.edge.EdgeOrder;
import org.newsroom.gateway.edge.EdgeProblems;
import org.newsroom.gateway.edge.EdgeProperties;
import org.newsroom.gateway.edge.RouteSettings;
import org.newsroom.platform.problem.ProblemException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;

/**
 * Caps request bodies per route (the photo upload route allows far more than the JSON routes):
 * a declared {@code Content-Length} over the limit is refused with 413 before anything is sent
 * on; a body without one (chunked) is counted while it streams through, never buffered, and the
 * call is cut off with 413 as soon as it passes the limit.
 *
 * <p>Spring Cloud Gateway's {@code RequestSize} filter cannot replace it: it reads only a declared
 * {@code Content-Length} (a chunked body of any size passes), answers 413 with its own
 * {@code errorMessage} header and an empty body instead of a problem+json, and takes one size per
 * filter definition, where here a route's limit comes from its {@code max-body-size} metadata with
 * an edge-wide default for every route that sets none.
 */
@Component
public class RequestBodyLimit implements GlobalFilter, Ordered {

	/** How much of a refused body is read and discarded to keep the connection usable. */
	static final long SWALLOW_LIMIT = DataSize.ofMegabytes(8).toBytes();

	private final EdgeProperties properties;

	RequestBodyLimit(EdgeProperties properties) {
		this.properties = properties;
	}

	@Override
	public int getOrder() {
		return EdgeOrder.BODY_LIMIT;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		if (route == null) {
			return chain.filter(exchange);
		}
		HttpHeaders headers = exchange.getRequest().getHeaders();
		long declared = headers.getContentLength();
		if (declared <= 0 && !headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
			// no body (most requests: every read): nothing to count
			return chain.filter(exchange);
		}
		DataSize limit = RouteSettings.of(route, properties).maxBodySize();
		if (declared > limit.toBytes()) {
			return refuse(exchange, limit, declared);
		}
		AtomicBoolean exceeded = new AtomicBoolean();
		ServerHttpRequest counted = new CountingRequest(exchange.getRequest(), limit.toBytes(), exceeded);
		return chain.filter(exchange.mutate().request(counted).build())
			.onErrorResume(error -> exceeded.get(), error -> refuse(exchange, limit, -1));
	}

	/**
	 * Answers 413 in a way the client can read. A client that sent {@code Expect: 100-continue}
	 * has not sent the body: answer at once. Otherwise the body is on its way, and closing the
	 * connection under it would reset it before the client reads the answer; so what remains is
	 * read and thrown away, up to {@link #SWALLOW_LIMIT} (Tomcat's maxSwallowSize idea), and the
	 * connection stays usable. A client that keeps sending beyond that gets the 413 with
	 * {@code Connection: close}.
	 */
	private Mono<Void> refuse(ServerWebExchange exchange, DataSize limit, long declared) {
		ServerHttpRequest request = exchange.getRequest();
		boolean bodyWithheld = "100-continue".equalsIgnoreCase(request.getHeaders().getFirst(HttpHeaders.EXPECT));
		if (bodyWithheld || declared > limit.toBytes() + SWALLOW_LIMIT) {
			exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
			return Mono.error(EdgeProblems.payloadTooLarge(limit));
		}
		AtomicLong swallowed = new AtomicLong();
		return request.getBody()
			.takeWhile(buffer -> swallowed.addAndGet(buffer.readableByteCount()) <= SWALLOW_LIMIT)
			.doOnNext(DataBufferUtils::release)
			.then(Mono.defer(() -> {
				if (swallowed.get() > SWALLOW_LIMIT) {
					exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
				}
				return Mono.<Void>error(EdgeProblems.payloadTooLarge(limit));
			}))
			.onErrorResume(error -> !(error instanceof ProblemException), error -> {
				exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
				return Mono.error(EdgeProblems.payloadTooLarge(limit));
			});
	}

	private static final class CountingRequest extends ServerHttpRequestDecorator {

		private final long limit;
		private final AtomicBoolean exceeded;

		CountingRequest(ServerHttpRequest delegate, long limit, AtomicBoolean exceeded) {
			super(delegate);
			this.limit = limit;
			this.exceeded = exceeded;
		}

		@Override
		public Flux<DataBuffer> getBody() {
			AtomicLong seen = new AtomicLong();
			return super.getBody().handle((buffer, sink) -> {
				if (seen.addAndGet(buffer.readableByteCount()) > limit) {
					DataBufferUtils.release(buffer);
					exceeded.set(true);
					sink.error(new BodyTooLarge());
				}
				else {
					sink.next(buffer);
				}
			});
		}
	}

	private static final class BodyTooLarge extends RuntimeException {

		BodyTooLarge() {
			super("request body over the route's limit", null, false, false);
		}
	}
}
