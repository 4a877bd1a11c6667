package org.newsroom.gateway.edge;

import java.time.Instant;

import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.tracing.handler.TracingObservationHandler;
import org.newsroom.gateway.edge.client.Compression;
import org.newsroom.gateway.edge.client.ForwardedClientHeaders;
import org.newsroom.gateway.edge.client.SecurityHeaders;
import org.newsroom.gateway.edge.logging.AccessLog;
import org.newsroom.gateway.edge.logging.ServerRequestMetrics;
import org.newsroom.gateway.edge.logging.TraceParent;
import org.newsroom.platform.http.ReaderCaching;
import org.newsroom.platform.observability.RequestId;
import org.newsroom.platform.observability.RequestIdWebClientCustomizer;
import org.newsroom.platform.observability.RequestLogContext;
import org.newsroom.platform.problem.ReactiveProblemErrorHandler;
import org.newsroom.platform.web.ClientAddresses;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Where every request enters the edge, refused ones included. In one step it settles what later
 * steps read ({@link EdgeRequest}: client address, TLS, request id, trace context; the proxy
 * passes them to the services, {@link ForwardedClientHeaders}, and so do the page compositions'
 * calls, from the Reactor context), and arranges the answer's request id and security headers (set
 * just before the headers go out, so a service's own copies are replaced, never doubled), its
 * access-log line and its timing (when the answer is complete or the client went away).
 *
 * <p>Request id: a client's plain id is kept ({@link RequestId}), anything else replaced. Trace
 * context: with tracing off (the default) see {@link TraceParent}; with tracing on
 * ({@code NEWSROOM_TRACING_ENABLED=true}) Micrometer Tracing makes the spans and headers, and the
 * access log takes its trace id from the server span.
 */
@Component
public class EdgeEntry implements WebFilter, Ordered {

	private final ClientAddresses clientAddress;
	private final AccessLog accessLog;
	private final ReactiveProblemErrorHandler errors;
	private final boolean tracing;
	private final ServerRequestMetrics metrics;

	EdgeEntry(ClientAddresses clientAddress, AccessLog accessLog, ReactiveProblemErrorHandler errors,
			ServerRequestMetrics metrics, @Value("${management.tracing.enabled:true}") boolean tracing) {
		this.clientAddress = clientAddress;
		this.accessLog = accessLog;
		this.errors = errors;
		this.tracing = tracing;
		this.metrics = metrics;
	}

	@Override
	public int getOrder() {
		return EdgeOrder.ENTRY;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		long started = System.nanoTime();
		ServerHttpRequest request = exchange.getRequest();
		HttpHeaders incoming = request.getHeaders();
		String sentId = incoming.getFirst(RequestId.HEADER);
		String requestId = RequestId.acceptOrGenerate(sentId);
		TraceParent trace = null;
		if (!tracing) {
			trace = TraceParent.parse(incoming.getFirst(TraceParent.HEADER));
			if (trace == null) {
				trace = TraceParent.generate();
			}
		}
		EdgeRequest edge = new EdgeRequest(clientAddress.of(request), clientAddress.overTls(request), requestId,
				trace != null ? trace.traceId() : null, trace != null ? trace.header() : null, started);
		exchange.getAttributes().put(EdgeRequest.ATTRIBUTE, edge);
		exchange.getAttributes().put(RequestId.CONTEXT_KEY, requestId);
		ServerWebExchange answered = exchange;
		boolean credentials = incoming.containsHeader(HttpHeaders.AUTHORIZATION);
		answered.getResponse().beforeCommit(() -> {
			HttpHeaders headers = answered.getResponse().getHeaders();
			headers.set(RequestId.HEADER, requestId);
			HttpStatusCode status = answered.getResponse().getStatusCode();
			SecurityHeaders.write(headers, request.getPath().value(), edge.overTls(), status != null && status.value() == 304);
			if (credentials) {
				// whatever a service said: an answer to a request with credentials is nobody else's
				headers.set(HttpHeaders.CACHE_CONTROL, ReaderCaching.forCredentials().getHeaderValue());
			}
			varyAndWeakenForCompression(incoming, headers, status);
			return Mono.empty();
		});
		Context context = edge.traceId() != null
				? Context.of(RequestId.MDC_KEY, requestId, RequestLogContext.TRACE_ID, edge.traceId(),
						RequestIdWebClientCustomizer.TRACE_PARENT, trace.header())
				: Context.of(RequestId.MDC_KEY, requestId);
		// errors are answered here rather than after the filter chain, so that the access log and
		// the metrics see the status the client gets
		Mono<Void> answer = chain.filter(answered).onErrorResume(error -> errors.handle(answered, error));
		if (tracing) {
			return Mono.deferContextual(reactorContext -> {
				String spanTraceId = spanTraceId(reactorContext);
				return answer.doFinally(signal -> log(answered, edge, spanTraceId));
			}).contextWrite(context);
		}
		return answer.doFinally(signal -> {
			int status = log(answered, edge, edge.traceId());
			metrics.record(answered, status, null, System.nanoTime() - edge.startedNanos());
		}).contextWrite(context);
	}

	/**
	 * A compressible answer varies with {@code Accept-Encoding}; when Netty will compress it
	 * ({@link Compression}), a strong ETag becomes weak.
	 */
	private static void varyAndWeakenForCompression(HttpHeaders request, HttpHeaders response, HttpStatusCode status) {
		if (response.containsHeader(HttpHeaders.CONTENT_ENCODING)
				|| !Compression.compressibleType(response.getFirst(HttpHeaders.CONTENT_TYPE))) {
			return;
		}
		if (!response.getVary().contains(HttpHeaders.ACCEPT_ENCODING)) {
			response.add(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
		}
		String etag = response.getETag();
		if (etag != null && !etag.startsWith("W/")
				&& Compression.applies(request::getFirst, response::getFirst, status != null ? status.value() : 200)) {
			response.setETag("W/" + etag);
		}
	}

	private int log(ServerWebExchange exchange, EdgeRequest edge, String traceId) {
		HttpStatusCode code = exchange.getResponse().getStatusCode();
		int status = code != null ? code.value() : 200;
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		accessLog.write(new AccessLog.Entry(Instant.now(), exchange.getRequest().getMethod().name(),
				exchange.getRequest().getPath().value(), status, (System.nanoTime() - edge.startedNanos()) / 1_000_000,
				edge.requestId(), traceId, edge.client(), route != null ? route.getId() : null));
		return status;
	}

	/** With tracing on: the trace id of the server span Spring opened for this request. */
	static String spanTraceId(ContextView context) {
		Observation observation = context.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
		if (observation == null || observation.isNoop()) {
			return null;
		}
		TracingObservationHandler.TracingContext tracing = observation.getContextView()
			.get(TracingObservationHandler.TracingContext.class);
		if (tracing == null || tracing.getSpan() == null) {
			return null;
		}
		return tracing.getSpan().context().traceId();
	}
}
