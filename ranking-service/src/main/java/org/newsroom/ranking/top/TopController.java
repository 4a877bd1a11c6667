package org.newsroom.ranking.top;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.newsroom.platform.http.ReaderCaching;
import org.newsroom.platform.problem.FieldProblem;
import org.newsroom.platform.problem.Problems;
import org.newsroom.ranking.config.RankingProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.newsroom.platform.openapi.Answers;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * The lists, straight from memory, as JSON written once per refresh: a request never reads the
 * buckets, calls another service or serializes anything.
 */
@RestController
@Tag(name = "Top lists", description = "The Top 10 Stories by window and the trending list, site-wide or by section")
class TopController {

	private static final String SECTION = "One of the newspaper's sections; absent or blank for the whole site";

	private final TopLists lists;
	private final RankingProperties properties;

	TopController(TopLists lists, RankingProperties properties) {
		this.lists = lists;
		this.properties = properties;
	}

	@GetMapping(path = "/api/rankings/top", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "getTopList", summary = "The most read articles of a window")
	@ApiResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = TopList.class)))
	@Answers(notModified = true, problems = { 400 })
	ResponseEntity<byte[]> top(
			@Parameter(schema = @Schema(allowableValues = { "1h", "6h", "24h", "7d", "30d" }, defaultValue = "24h")) @RequestParam(defaultValue = "24h") String window,
			@Parameter(description = SECTION) @RequestParam(required = false) String section, @RequestParam(defaultValue = "10") @Min(1) @Max(50) int limit,
			ServerWebExchange exchange) {
		if (Window.named(window) == null) {
			throw Problems.badRequest("window must be one of " + Window.NAMES + ".",
					List.of(new FieldProblem("window", "one of " + Window.NAMES)));
		}
		return answer(lists.json(window, section(section), limit), exchange);
	}

	@GetMapping(path = "/api/rankings/trending", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "getTrendingList", summary = "The articles whose readership is rising fastest")
	@ApiResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = TopList.class)))
	@Answers(notModified = true, problems = { 400 })
	ResponseEntity<byte[]> trending(@Parameter(description = SECTION) @RequestParam(required = false) String section,
			@RequestParam(defaultValue = "10") @Min(1) @Max(50) int limit, ServerWebExchange exchange) {
		return answer(lists.json(TopRefresher.TRENDING, section(section), limit), exchange);
	}

	/** The list's JSON, written once per refresh; 304 when the reader has it already. */
	private static ResponseEntity<byte[]> answer(TopLists.Json list, ServerWebExchange exchange) {
		CacheControl caching = ReaderCaching.TOP.forCaller(
				!exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION));
		if (exchange.checkNotModified(list.etag())) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(list.etag()).cacheControl(caching).build();
		}
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.eTag(list.etag())
			.cacheControl(caching)
			.body(list.body());
	}

	/** A configured section, or null (blank) for the whole site. */
	private String section(String section) {
		if (section == null || section.isBlank()) {
			return null;
		}
		if (!properties.sections().contains(section)) {
			throw Problems.badRequest("section must be one of " + String.join(", ", properties.sections()) + ".",
					List.of(new FieldProblem("section", "one of " + String.join(", ", properties.sections()))));
		}
		return section;
	}
}
