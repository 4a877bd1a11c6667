package org.newsroom.platform.web;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fast path answers only while nothing it passed on is still being answered further on, so a
 * connection's responses keep the order of its requests (HTTP/1.1 pipelining).
 */
class NettyFastPathTest {

	/** Answers GET /fast with 204 itself; everything else goes on. */
	static final class FastNoContent extends NettyFastPath {

		@Override
		public void channelRead(ChannelHandlerContext ctx, Object msg) {
			if (msg instanceof HttpRequest request && inOrder() && plainKeepAlive(request)
					&& request.uri().equals("/fast")) {
				ReferenceCountUtil.release(msg);
				ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NO_CONTENT));
				return;
			}
			passOn(ctx, msg);
		}
	}

	private final EmbeddedChannel channel = new EmbeddedChannel(new FastNoContent());

	@AfterEach
	void close() {
		channel.finishAndReleaseAll();
	}

	@Test
	void anIdleConnectionsRequestIsAnsweredHere() {
		channel.writeInbound(get("/fast"));

		assertThat(channel.<Object>readInbound()).isNull();
		assertThat(channel.<FullHttpResponse>readOutbound().status()).isEqualTo(HttpResponseStatus.NO_CONTENT);
	}

	@Test
	void aRequestBehindOnePassedOnGoesOnTooUntilThatOneIsAnswered() {
		channel.writeInbound(get("/slow"));
		channel.writeInbound(get("/fast"));

		// both went on: answering /fast here would put its response before /slow's
		assertThat(channel.<HttpRequest>readInbound().uri()).isEqualTo("/slow");
		assertThat(channel.<HttpRequest>readInbound().uri()).isEqualTo("/fast");
		assertThat(channel.<Object>readOutbound()).isNull();

		channel.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
		channel.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
		channel.releaseOutbound();
		channel.writeInbound(get("/fast"));

		assertThat(channel.<Object>readInbound()).as("both are answered, so this one is taken here").isNull();
		assertThat(channel.<FullHttpResponse>readOutbound().status()).isEqualTo(HttpResponseStatus.NO_CONTENT);
	}

	@Test
	void aRequestStillBeingAnsweredKeepsTheNextOneGoingOn() {
		channel.writeInbound(get("/slow"));
		channel.writeInbound(get("/fast"));
		channel.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
		channel.releaseInbound();

		channel.writeInbound(get("/fast"));

		assertThat(channel.<HttpRequest>readInbound().uri()).as("the first /fast is still being answered").isEqualTo("/fast");
	}

	@Test
	void anInterimResponseAnswersNothing() {
		channel.writeInbound(get("/slow"));
		channel.<HttpRequest>readInbound();

		channel.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
		channel.writeInbound(get("/fast"));

		assertThat(channel.<HttpRequest>readInbound().uri()).isEqualTo("/fast");
	}

	@Test
	void aResponseEndsWithItsLastPartNotItsHead() {
		channel.writeInbound(get("/slow"));
		channel.<HttpRequest>readInbound();

		channel.writeOutbound(new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
		channel.writeInbound(get("/fast"));

		assertThat(channel.<HttpRequest>readInbound().uri()).isEqualTo("/fast");
	}

	@Test
	void onlyPlainKeepAliveHttp11IsTaken() {
		FullHttpRequest closing = get("/fast");
		closing.headers().set(HttpHeaderNames.CONNECTION, "close");
		FullHttpRequest http10 = new DefaultFullHttpRequest(HttpVersion.HTTP_1_0, HttpMethod.GET, "/fast");
		FullHttpRequest chunked = get("/fast");
		chunked.headers().set(HttpHeaderNames.TRANSFER_ENCODING, "chunked");

		assertThat(NettyFastPath.plainKeepAlive(get("/fast"))).isTrue();
		assertThat(NettyFastPath.plainKeepAlive(closing)).isFalse();
		assertThat(NettyFastPath.plainKeepAlive(http10)).isFalse();
		assertThat(NettyFastPath.plainKeepAlive(chunked)).isFalse();
	}

	private static FullHttpRequest get(String path) {
		return new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, path);
	}
}
