package org.newsroom.ranking.view;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;

import io.netty.buffer.ByteBuf;
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
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import io.netty.util.ReferenceCountUtil;
import org.newsroom.platform.observability.RequestId;
import org.newsroom.platform.problem.ProblemTranslator;
import org.newsroom.platform.web.NettyFastPath;
import tools.jackson.databind.json.JsonMapper;

/**
 * The view beacon taken right behind the HTTP decoder: the one endpoint that receives every page
 * view of the site is answered in the connection's pipeline, without Reactor Netty's and
 * WebFlux's per-request machinery, by the same {@link ViewBeacon#take} the WebFlux path uses
 * (same checks, same counting, same answers: 202, or a problem document for a bad beacon or
 * while the buffers are full), with the request id echoed as every service does.
 *
 * <p>Anything else goes on as before: other requests, a beacon without a declared length of at
 * most {@value ViewBeacon#MAX_BODY} bytes, one that asks for {@code 100-continue}, one that is
 * not HTTP/1.1 keep-alive, or one that arrives while an earlier request of the same connection is
 * still being answered further on ({@link NettyFastPath} keeps that order).
 */
final class BeaconFastPath extends NettyFastPath {

	static final String NAME = "newsroom.beaconFastPath";

	private final ViewBeacon beacon;
	private final JsonMapper json;

	/** The beacon being read (its body arrives after its headers), or null. */
	private HttpRequest reading;
	private ByteArrayOutputStream body;

	BeaconFastPath(ViewBeacon beacon, JsonMapper json) {
		this.beacon = beacon;
		this.json = json;
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		if (reading != null && msg instanceof HttpContent content) {
			try {
				ByteBuf bytes = content.content();
				bytes.readBytes(body, bytes.readableBytes());
			}
			catch (java.io.IOException e) {
				throw new IllegalStateException(e);
			}
			finally {
				ReferenceCountUtil.release(content);
			}
			if (content instanceof LastHttpContent) {
				answer(ctx, reading, body.toByteArray());
				reading = null;
				body = null;
			}
			readOn(ctx);
			return;
		}
		if (msg instanceof HttpRequest request && inOrder() && isBeacon(request)) {
			reading = request;
			body = new ByteArrayOutputStream((int) HttpUtil.getContentLength(request, 64L));
			if (request instanceof HttpContent content) {
				channelRead(ctx, content);
			}
			readOn(ctx);
			return;
		}
		passOn(ctx, msg);
	}

	private static boolean isBeacon(HttpRequest request) {
		if (!HttpMethod.POST.equals(request.method()) || !plainKeepAlive(request)
				|| HttpUtil.is100ContinueExpected(request)) {
			return false;
		}
		long length = HttpUtil.getContentLength(request, -1L);
		if (length < 0 || length > ViewBeacon.MAX_BODY) {
			return false;
		}
		String uri = request.uri();
		int query = uri.indexOf('?');
		return (query < 0 ? uri : uri.substring(0, query)).equals(ViewBeacon.PATH);
	}

	private void answer(ChannelHandlerContext ctx, HttpRequest request, byte[] bytes) {
		HttpHeaders headers = request.headers();
		FullHttpResponse response;
		try {
			if (bytes.length == 0) {
				throw ViewBeacon.noBody();
			}
			beacon.take(bytes, (InetSocketAddress) ctx.channel().remoteAddress(), headers.getAll("X-Forwarded-For"),
					headers.get(ViewBeacon.VISITOR_HEADER), cookie(headers), headers.get(HttpHeaderNames.USER_AGENT));
			response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.ACCEPTED, Unpooled.EMPTY_BUFFER);
			response.headers().set(HttpHeaderNames.CONTENT_LENGTH, 0);
		}
		catch (RuntimeException refused) {
			response = problem(refused, request.uri());
		}
		response.headers().set(RequestId.HEADER, RequestId.acceptOrGenerate(headers.get(RequestId.HEADER)));
		ctx.writeAndFlush(response);
	}

	/** The problem document the platform answers this refusal with (400, 503 with Retry-After, ...). */
	private FullHttpResponse problem(RuntimeException refusal, String path) {
		ProblemTranslator.Translation translation = ProblemTranslator.translate(refusal);
		translation.problem().setInstance(java.net.URI.create(ViewBeacon.PATH));
		return problem(json, translation);
	}

	private static String cookie(HttpHeaders headers) {
		for (String header : headers.getAll(HttpHeaderNames.COOKIE)) {
			for (Cookie cookie : ServerCookieDecoder.LAX.decode(header)) {
				if (ViewBeacon.VISITOR_COOKIE.equals(cookie.name())) {
					return cookie.value();
				}
			}
		}
		return null;
	}
}
