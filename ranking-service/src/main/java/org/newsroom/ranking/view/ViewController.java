package org.newsroom.ranking.view;

import java.time.Clock;
import java.util.List;

import org.newsroom.platform.problem.FieldProblem;
import org.newsroom.platform.problem.Problems;
import org.newsroom.ranking.config.RankingProperties;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ingest endpoints. The beacon's body is read as JSON whatever its declared type, because
 * {@code navigator.sendBeacon} sends a string as {@code text/plain}.
 */
@RestController
class ViewController {

	static final String VISITOR_HEADER = "X-Visitor-Id";

	static final String VISITOR_COOKIE = "nr_vid";

	private static final ResponseEntity<Void> ACCEPTED = ResponseEntity.status(HttpStatus.ACCEPTED).build();

	private final ViewIntake intake;
	private final ClientAddresses addresses;
	private final JsonMapper json;
	private final Clock clock;
	private final RankingProperties properties;

	ViewController(ViewIntake intake, ClientAddresses addresses, JsonMapper json, Clock clock,
			RankingProperties properties) {
		this.intake = intake;
		this.addresses = addresses;
		this.json = json;
		this.clock = clock;
		this.properties = properties;
	}

	@PostMapping("/api/rankings/views")
	ResponseEntity<Void> view(@RequestBody byte[] body, ServerHttpRequest request) {
		String articleId = json.readValue(body, ViewRequest.class).validArticleId();
		HttpHeaders headers = request.getHeaders();
		byte[] client = addresses.of(request.getRemoteAddress(), headers.get("X-Forwarded-For"));
		ViewIntake.Outcome outcome = intake.view(articleId, visitorId(request), headers.getFirst(HttpHeaders.USER_AGENT),
				client, clock.millis());
		if (outcome == ViewIntake.Outcome.OVERLOADED) {
			throw new IngestOverloaded(properties.counting().retryAfter());
		}
		return ACCEPTED;
	}

	@PostMapping("/api/rankings/views/batch")
	Mono<ResponseEntity<BatchResult>> batch(@RequestBody BatchRequest batch) {
		return intake.batch(batch, clock.millis()).map(result -> ResponseEntity.status(HttpStatus.ACCEPTED).body(result));
	}

	/**
	 * The header the page sets, else its cookie, else null (address and user agent stand in).
	 * A malformed header is the caller's mistake (400); a malformed cookie is ignored, since any
	 * page on the domain may have written it.
	 */
	private static String visitorId(ServerHttpRequest request) {
		String header = request.getHeaders().getFirst(VISITOR_HEADER);
		if (header != null) {
			if (!VisitorKeys.validVisitorId(header)) {
				throw Problems.badRequest(VISITOR_HEADER + " must be 8 to 64 letters, digits, '_' or '-'.",
						List.of(new FieldProblem(VISITOR_HEADER, "must be 8 to 64 letters, digits, '_' or '-'")));
			}
			return header;
		}
		HttpCookie cookie = request.getCookies().getFirst(VISITOR_COOKIE);
		if (cookie != null && VisitorKeys.validVisitorId(cookie.getValue())) {
			return cookie.getValue();
		}
		return null;
	}
}
