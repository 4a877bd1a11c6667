package org.newsroom.gateway.edge.limits;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import org.newsroom.gateway.edge.client.SecurityHeaders;
import org.newsroom.platform.problem.ProblemTranslator;
import org.newsroom.platform.problem.Problems;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;

/**
 * Sits in each connection's pipeline right after the HTTP decoder, before Reactor Netty and
 * Spring see the request. Two kinds of request never reach Spring's error handling: those the
 * decoder could not read (a request line or headers over the limits, a broken header) and those
 * whose request-target {@link URI} cannot parse (raw non-ASCII or characters such as
 * {@code | { } \} that clients should have percent-encoded). Reactor Netty and Spring answer them
 * with a bare status and no body; here they get a problem document like every other error.
 *
 * <p>More than one {@code Authorization} header is refused here too: credentials must not be
 * ambiguous.
 *
 * <p>A target that is only missing its percent-encoding (raw UTF-8 from {@code curl
 * '...?q=한국'}) is encoded instead of refused: it means exactly what the encoded form means. A
 * target that stays unreadable ({@code %ZZ}) is a 400.
 */
public final class RequestLineGuard extends ChannelInboundHandlerAdapter {

	public static final String NAME = "newsroom.requestLineGuard";

	private final JsonMapper json;

	/** The rest of a refused request (its body) is dropped until its last part. */
	private boolean discarding;

	public RequestLineGuard(JsonMapper json) {
		this.json = json;
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		if (msg instanceof HttpRequest request) {
			FullHttpResponse refusal = refusal(request);
			if (refusal != null) {
				discarding = !(msg instanceof LastHttpContent);
				ReferenceCountUtil.release(msg);
				ctx.writeAndFlush(refusal).addListener(ChannelFutureListener.CLOSE);
				return;
			}
		}
		else if (discarding && msg instanceof HttpContent) {
			discarding = !(msg instanceof LastHttpContent);
			ReferenceCountUtil.release(msg);
			return;
		}
		ctx.fireChannelRead(msg);
	}

	/** Null when the request may go on (its target possibly re-encoded); else the answer. */
	FullHttpResponse refusal(HttpRequest request) {
		DecoderResult decoded = request.decoderResult();
		if (decoded.isFailure()) {
			Throwable cause = decoded.cause();
			if (cause instanceof TooLongHttpLineException) {
				return problem(HttpResponseStatus.REQUEST_URI_TOO_LONG, "uri-too-long", "URI too long",
						"The request line is longer than this site accepts; send long input in a request body.");
			}
			if (cause instanceof TooLongHttpHeaderException || cause instanceof TooLongFrameException) {
				return problem(HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "headers-too-large",
						"Request headers too large", "The request headers are larger than this site accepts.");
			}
			return problem(HttpResponseStatus.BAD_REQUEST, "bad-request", "Bad request",
					"The request could not be read as HTTP (a malformed request line or header).");
		}
		if (request.headers().getAll(HttpHeaderNames.AUTHORIZATION).size() > 1) {
			// which one counts is up to each reader of the request; the edge and a service might differ
			return problem(HttpResponseStatus.BAD_REQUEST, "bad-request", "Bad request",
					"The request has more than one Authorization header; send one.");
		}
		String target = request.uri();
		if (parses(target)) {
			return null;
		}
		String encoded = encodeIllegal(target);
		if (parses(encoded)) {
			request.setUri(encoded);
			return null;
		}
		return problem(HttpResponseStatus.BAD_REQUEST, "bad-request", "Bad request",
				"The request target is not a valid URI (check its percent-encoding).");
	}

	private static boolean parses(String target) {
		try {
			new URI(target);
			return true;
		}
		catch (URISyntaxException e) {
			return false;
		}
	}

	/**
	 * Percent-encodes what RFC 3986 never allows raw in a URI: controls, space, non-ASCII and
	 * {@code " < > \ ^ ` { | }}. The decoder hands over each byte of the request line as one
	 * character (ISO-8859-1), so a character up to U+00FF is one byte of the original UTF-8.
	 */
	static String encodeIllegal(String target) {
		StringBuilder out = new StringBuilder(target.length() + 16);
		for (int i = 0; i < target.length(); i++) {
			char c = target.charAt(i);
			if (c > 0x20 && c < 0x7F && "\"<>\\^`{|}".indexOf(c) < 0) {
				out.append(c);
			}
			else if (c <= 0xFF) {
				appendEscaped(out, c);
			}
			else {
				for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
					appendEscaped(out, b & 0xFF);
				}
			}
		}
		return out.toString();
	}

	private static void appendEscaped(StringBuilder out, int b) {
		out.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
			.append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
	}

	private FullHttpResponse problem(HttpResponseStatus status, String type, String title, String detail) {
		byte[] body = json.writeValueAsBytes(
				Problems.toMap(ProblemTranslator.problem(HttpStatus.valueOf(status.code()), type, title, detail)));
		FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
				Unpooled.wrappedBuffer(body));
		response.headers()
			.set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
			.set(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes())
			.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
			.set("X-Content-Type-Options", "nosniff")
			.set("Content-Security-Policy", SecurityHeaders.NON_HTML_POLICY);
		return response;
	}
}
