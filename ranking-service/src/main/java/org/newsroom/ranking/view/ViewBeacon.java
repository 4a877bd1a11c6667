package org.newsroom.ranking.view;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;

import org.newsroom.platform.problem.FieldProblem;
import org.newsroom.platform.problem.ProblemException;
import org.newsroom.platform.problem.Problems;
import org.newsroom.platform.web.ClientAddresses;
import org.newsroom.platform.web.ClientPrefix;
import org.newsroom.platform.web.RankingPaths;
import org.newsroom.ranking.config.RankingProperties;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ContentTooLargeException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * {@code POST /api/rankings/views}, the page-view beacon every reader's browser sends: the one
 * endpoint that takes every page view of the site. It is served here, ahead of the security
 * filter chain and the annotated controllers, because it needs neither (it is anonymous and has
 * one fixed path) and their per-request work is most of what a view would otherwise cost.
 * Everything it does is in memory and non-blocking, on the Netty event loop.
 *
 * <p>The body is read as JSON whatever its declared type: {@code navigator.sendBeacon} sends a
 * string as {@code text/plain} (and cannot set headers, so the {@code nr_vid} cookie identifies
 * the visitor). Errors go through the shared problem+json handler like any other.
 */
@Component
@Order(ViewBeacon.ORDER)
public class ViewBeacon implements WebFilter {

	/** Before Spring Security's chain (-100). */
	static final int ORDER = -200;

	static final String PATH = RankingPaths.VIEW_BEACON;

	static final String VISITOR_HEADER = "X-Visitor-Id";

	static final String VISITOR_COOKIE = "nr_vid";

	/** A beacon is {"articleId": "..."}: anything much longer is not one. */
	static final int MAX_BODY = 4096;

	private static final byte[] NO_ADDRESS = new byte[0];

	private final ViewIntake intake;
	private final ClientAddresses addresses;
	private final JsonMapper json;
	private final Clock clock;
	private final RankingProperties properties;
	private final ClientPrefix prefix;

	public ViewBeacon(ViewIntake intake, ClientAddresses addresses, JsonMapper json, Clock clock,
			RankingProperties properties) {
		this.intake = intake;
		this.addresses = addresses;
		this.json = json;
		this.clock = clock;
		this.properties = properties;
		this.prefix = new ClientPrefix(properties.ingest().ipv6Prefix());
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		if (request.getMethod() != HttpMethod.POST || !PATH.equals(request.getPath().pathWithinApplication().value())) {
			return chain.filter(exchange);
		}
		return DataBufferUtils.join(request.getBody(), MAX_BODY)
			.onErrorMap(DataBufferLimitException.class, e -> new ContentTooLargeException(e))
			.switchIfEmpty(Mono.error(ViewBeacon::noBody))
			.flatMap(body -> {
				HttpHeaders headers = request.getHeaders();
				HttpCookie cookie = request.getCookies().getFirst(VISITOR_COOKIE);
				take(bytes(body), request.getRemoteAddress(), headers.get("X-Forwarded-For"),
						headers.getFirst(VISITOR_HEADER), cookie != null ? cookie.getValue() : null,
						headers.getFirst(HttpHeaders.USER_AGENT));
				exchange.getResponse().setStatusCode(HttpStatus.ACCEPTED);
				return exchange.getResponse().setComplete();
			});
	}

	private static byte[] bytes(DataBuffer body) {
		byte[] bytes = new byte[body.readableByteCount()];
		body.read(bytes);
		DataBufferUtils.release(body);
		return bytes;
	}

	static ProblemException noBody() {
		return Problems.badRequest("The body must be {\"articleId\": \"...\"}.",
				List.of(new FieldProblem("articleId", "is required")));
	}

	/**
	 * One beacon, whichever way it arrived (here, or the connection's fast path
	 * {@link BeaconFastPath}): counted, or refused with the problem to answer (400, 503).
	 *
	 * @param visitorHeader the page's {@code X-Visitor-Id}, if sent
	 * @param visitorCookie the {@code nr_vid} cookie's value, if sent
	 */
	void take(byte[] body, InetSocketAddress remote, List<String> forwardedFor, String visitorHeader,
			String visitorCookie, String userAgent) {
		String articleId = json.readValue(body, ViewRequest.class).validArticleId();
		InetAddress client = addresses.resolve(remote, forwardedFor);
		// the per-address limit needs a real client address: not one of our proxies, nor loopback (local runs, tests)
		boolean proxy = client != null && addresses.isTrustedProxy(client);
		ViewIntake.Outcome outcome = intake.view(articleId, visitorId(visitorHeader, visitorCookie), userAgent,
				client != null ? prefix.of(client) : NO_ADDRESS, proxy, clock.millis());
		if (outcome == ViewIntake.Outcome.OVERLOADED) {
			throw new IngestOverloaded(properties.counting().retryAfter());
		}
	}

	/**
	 * The header the page sets, else its cookie, else null (address and user agent stand in).
	 * A malformed header is the caller's mistake (400); a malformed cookie is ignored, since any
	 * page on the domain may have written it.
	 */
	private static String visitorId(String header, String cookie) {
		if (header != null) {
			if (!VisitorKeys.validVisitorId(header)) {
				throw Problems.badRequest(VISITOR_HEADER + " must be 8 to 64 letters, digits, '_' or '-'.",
						List.of(new FieldProblem(VISITOR_HEADER, "must be 8 to 64 letters, digits, '_' or '-'")));
			}
			return header;
		}
		return cookie != null && VisitorKeys.validVisitorId(cookie) ? cookie : null;
	}
}
