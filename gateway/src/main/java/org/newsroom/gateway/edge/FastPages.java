package org.newsroom.gateway.edge;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.ReferenceCountUtil;
import org.newsroom.gateway.cache.CachedPage;
import org.newsroom.gateway.cache.Encodings;
import org.newsroom.gateway.cache.PageCache;
import org.newsroom.gateway.cache.PageKey;
import org.newsroom.gateway.cache.PageServer;
import org.newsroom.gateway.cache.PageWriter;
import org.newsroom.gateway.edge.client.SecurityHeaders;
import org.newsroom.gateway.edge.limits.ClientLimits;
import org.newsroom.gateway.edge.limits.RateLimitFilter;
import org.newsroom.gateway.edge.logging.AccessLog;
import org.newsroom.gateway.edge.logging.ServerRequestMetrics;
import org.newsroom.gateway.edge.logging.TraceParent;
import org.newsroom.platform.observability.RequestId;
import org.newsroom.platform.problem.ProblemException;
import org.newsroom.platform.problem.ProblemTranslator;
import org.newsroom.platform.web.ClientAddresses;
import org.newsroom.platform.web.NettyFastPath;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.server.PathContainer;

/**
 * The edge's fast path for readers' pages: in each connection's pipeline, right behind the HTTP
 * decoder, a request for a page the page cache holds current is answered there and then, without
 * Reactor Netty's and Spring's per-request machinery (which, with nothing left to compute, cost
 * most of a cached page's time). Everything the edge does for every request is done here too,
 * with the same parts: the request id ({@link RequestId}), the trace id for the log
 * ({@link TraceParent}), the client's address ({@link ClientAddresses}), its rate limit and 401
 * lock-out ({@link ClientLimits}), the security headers ({@link SecurityHeaders}), the access log
 * and the request timer; the page itself goes out as {@link PageWriter} would send it (ETag, 304,
 * the encoding the client accepts, HEAD).
 *
 * <p>Anything else goes on as before: a request with credentials or a body, not HTTP/1.1
 * keep-alive, not a cached page, a client whose budget only the shared store can judge at this
 * moment ({@link ClientLimits#takeForAddressHere}: nothing here waits for it), or one that
 * arrives while an earlier request of the same connection is still being answered further on
 * ({@link NettyFastPath} keeps that order).
 */
public final class FastPages extends NettyFastPath {

	static final String NAME = "newsroom.fastPages";

	private final PageCache cache;
	private final ClientAddresses clientAddress;
	private final ClientLimits limits;
	private final AccessLog accessLog;
	private final ServerRequestMetrics metrics;
	private final JsonMapper json;

	/** The answered request's end (an empty last part) is still to come and to be dropped. */
	private boolean dropping;

	FastPages(PageCache cache, ClientAddresses clientAddress, ClientLimits limits, AccessLog accessLog,
			ServerRequestMetrics metrics, JsonMapper json) {
		this.cache = cache;
		this.clientAddress = clientAddress;
		this.limits = limits;
		this.accessLog = accessLog;
		this.metrics = metrics;
		this.json = json;
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		if (dropping && msg instanceof HttpContent content) {
			dropping = !(content instanceof LastHttpContent);
			ReferenceCountUtil.release(content);
			readOn(ctx);
			return;
		}
		if (msg instanceof HttpRequest request && inOrder() && answer(ctx, request)) {
			dropping = !(request instanceof LastHttpContent);
			ReferenceCountUtil.release(request);
			readOn(ctx);
			return;
		}
		passOn(ctx, msg);
	}

	/** Answers the request if it is a cached page's; false when it must go on. */
	private boolean answer(ChannelHandlerContext ctx, HttpRequest request) {
		HttpMethod method = request.method();
		HttpHeaders headers = request.headers();
		if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method) || !plainKeepAlive(request)
				|| headers.contains(HttpHeaderNames.AUTHORIZATION) || HttpUtil.getContentLength(request, 0L) != 0) {
			return false;
		}
		String path = rawPath(request.uri());
		PageKey key = path != null ? PageServer.keyOf(PathContainer.parsePath(path), request.uri().indexOf('?') >= 0) : null;
		CachedPage page = key != null ? cache.current(key) : null;
		if (page == null || !PageServer.acceptable(headers.get(HttpHeaderNames.ACCEPT), page)) {
			return false;
		}
		long started = System.nanoTime();
		InetSocketAddress remote = (InetSocketAddress) ctx.channel().remoteAddress();
		String client = clientAddress.of(remote, () -> headers.getAll("X-Forwarded-For"));
		boolean tls = clientAddress.overTls(ctx.pipeline().get(SslHandler.class) != null, remote,
				headers.get("X-Forwarded-Proto"));
		String sentId = headers.get(RequestId.HEADER);
		String requestId = RequestId.acceptOrGenerate(sentId);
		TraceParent trace = TraceParent.parse(headers.get(TraceParent.HEADER));
		String traceId = trace != null ? trace.traceId() : TraceParent.generate().traceId();
		FullHttpResponse response;
		if (!limits.enabled()) {
			response = page(request, page);
		}
		else {
			Duration penalty = limits.authPenalty(client);
			Duration wait = penalty.isZero() ? limits.takeForAddressHere(client) : Duration.ZERO;
			if (wait == null) {
				// the client's lease of the shared budget is spent: RateLimitFilter asks the store
				// without holding this event loop, and the page is then served on the usual path
				return false;
			}
			response = !penalty.isZero() ? problem(EdgeProblems.tooManyAuthFailures(RateLimitFilter.roundUp(penalty)))
					: !wait.isZero() ? problem(EdgeProblems.tooManyRequests(RateLimitFilter.roundUp(wait)))
					: page(request, page);
		}
		response.headers().set(RequestId.HEADER, requestId);
		boolean html = page.contentType().isCompatibleWith(org.springframework.http.MediaType.TEXT_HTML)
				&& response.status().code() != 429;
		SecurityHeaders.write(response.headers()::set, html, path, tls, false);
		ctx.writeAndFlush(response);
		int status = response.status().code();
		accessLog.write(new AccessLog.Entry(Instant.now(), method.name(), path, status,
				(System.nanoTime() - started) / 1_000_000, requestId, traceId, client, null));
		metrics.record(method.name(), status, key.pattern(), "none", System.nanoTime() - started);
		return true;
	}

	private static FullHttpResponse page(HttpRequest request, CachedPage page) {
		HttpHeaders requestHeaders = request.headers();
		boolean notModified = page.status() == 200 && page.etag() != null
				&& PageWriter.matches(requestHeaders.get(HttpHeaderNames.IF_NONE_MATCH), page.etag());
		Encodings.Chosen chosen = Encodings.choose(requestHeaders.get(HttpHeaderNames.ACCEPT_ENCODING), page.body(),
				page.encoded());
		boolean withBody = !notModified && !HttpMethod.HEAD.equals(request.method());
		FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
				notModified ? HttpResponseStatus.NOT_MODIFIED : HttpResponseStatus.valueOf(page.status()),
				withBody ? Unpooled.wrappedBuffer(chosen.bytes()) : Unpooled.EMPTY_BUFFER);
		HttpHeaders headers = response.headers();
		headers.set(HttpHeaderNames.CONTENT_TYPE, page.contentType().toString());
		headers.set(HttpHeaderNames.CACHE_CONTROL, page.cacheControl());
		page.headers().forEach(headers::set);
		if (page.encoded().any()) {
			headers.set(HttpHeaderNames.VARY, HttpHeaderNames.ACCEPT_ENCODING);
		}
		if (page.etag() != null) {
			headers.set(HttpHeaderNames.ETAG, page.etag());
		}
		if (!notModified) {
			if (chosen.encoding() != null) {
				headers.set(HttpHeaderNames.CONTENT_ENCODING, chosen.encoding());
			}
			headers.set(HttpHeaderNames.CONTENT_LENGTH, chosen.bytes().length);
		}
		return response;
	}

	private FullHttpResponse problem(ProblemException refusal) {
		return problem(json, ProblemTranslator.translate(refusal));
	}

	/** The path of a request target (origin form), or null when it is not one. */
	private static String rawPath(String target) {
		if (target.isEmpty() || target.charAt(0) != '/') {
			return null;
		}
		int query = target.indexOf('?');
		String path = query >= 0 ? target.substring(0, query) : target;
		int fragment = path.indexOf('#');
		path = fragment >= 0 ? path.substring(0, fragment) : path;
		try {
			// the same check Spring makes: a path that is not a valid URI is not served here
			URI.create(path);
			return path;
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}
}
