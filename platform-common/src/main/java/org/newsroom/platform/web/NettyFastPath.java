package org.newsroom.platform.web;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import org.newsroom.platform.problem.ProblemTranslator;
import org.newsroom.platform.problem.Problems;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a reactive app's fast path needs to answer some requests in a connection's Netty pipeline,
 * right behind the HTTP decoder, without Reactor Netty's and Spring's per-request machinery (the
 * gateway's cached pages, ranking-service's view beacon): the plumbing that keeps HTTP/1.1
 * pipelining in order, the reads Reactor Netty would otherwise not ask for, and the problem
 * document written as Netty's own response.
 *
 * <p>Order: a request that arrives while an earlier request of the same connection is still being
 * answered further on must go on as well, since answering it here would put its response first
 * (RFC 9112, section 9.3.2: responses in the order of the requests). A subclass answers only
 * while {@link #inOrder()} and hands everything else to {@link #passOn}; this class counts the
 * requests passed on and the final responses written for them.
 */
public abstract class NettyFastPath extends ChannelDuplexHandler {

	/** Requests of this connection passed on and not yet answered in full. */
	private int passedOn;

	/** True when nothing passed on is still being answered: a response written now goes out in order. */
	protected final boolean inOrder() {
		return passedOn == 0;
	}

	/** Hands a message on to Reactor Netty, counting the requests whose answers are now ahead of ours. */
	protected final void passOn(ChannelHandlerContext ctx, Object msg) {
		if (msg instanceof HttpRequest) {
			passedOn++;
		}
		ctx.fireChannelRead(msg);
	}

	/** Counts down a passed-on request when its final response ends (an interim 1xx answers nothing). */
	@Override
	public final void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
		if (msg instanceof LastHttpContent && !(msg instanceof HttpResponse response && response.status().code() < 200)
				&& passedOn > 0) {
			passedOn--;
		}
		ctx.write(msg, promise);
	}

	/**
	 * Reactor Netty reads a connection only when its own handlers ask for more; what this handler
	 * keeps for itself they never see, so it asks.
	 */
	protected static void readOn(ChannelHandlerContext ctx) {
		if (!ctx.channel().config().isAutoRead()) {
			ctx.read();
		}
	}

	/**
	 * True for a request a fast path may take at all: decoded cleanly, HTTP/1.1 keep-alive (the
	 * connection stays open after our answer, as it would after Spring's), and not chunked (its
	 * end is known from its declared length).
	 */
	protected static boolean plainKeepAlive(HttpRequest request) {
		return !request.decoderResult().isFailure() && HttpVersion.HTTP_1_1.equals(request.protocolVersion())
				&& HttpUtil.isKeepAlive(request) && !HttpUtil.isTransferEncodingChunked(request);
	}

	/** The problem document the platform answers this refusal with, status and headers included. */
	protected static FullHttpResponse problem(JsonMapper json, ProblemTranslator.Translation translation) {
		byte[] body = json.writeValueAsBytes(Problems.toMap(translation.problem()));
		FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
				HttpResponseStatus.valueOf(translation.status().value()), Unpooled.wrappedBuffer(body));
		translation.headers().forEach((name, values) -> response.headers().set(name, values));
		response.headers()
			.set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
			.set(HttpHeaderNames.CONTENT_LENGTH, body.length);
		return response;
	}
}
