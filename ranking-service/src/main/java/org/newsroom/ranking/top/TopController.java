package org.newsroom.ranking.top;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.newsroom.platform.problem.FieldProblem;
import org.newsroom.platform.problem.Problems;
import org.newsroom.ranking.config.RankingProperties;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The lists, straight from memory: a request never reads the buckets or calls another service. */
@RestController
class TopController {

	private final TopLists lists;
	private final RankingProperties properties;

	TopController(TopLists lists, RankingProperties properties) {
		this.lists = lists;
		this.properties = properties;
	}

	@GetMapping("/api/rankings/top")
	TopList top(@RequestParam(defaultValue = "24h") String window, @RequestParam(required = false) String section,
			@RequestParam(defaultValue = "10") @Min(1) @Max(50) int limit) {
		if (Window.named(window) == null) {
			throw Problems.badRequest("window must be one of " + Window.NAMES + ".",
					List.of(new FieldProblem("window", "one of " + Window.NAMES)));
		}
		return lists.get(window, section(section), limit);
	}

	@GetMapping("/api/rankings/trending")
	TopList trending(@RequestParam(required = false) String section,
			@RequestParam(defaultValue = "10") @Min(1) @Max(50) int limit) {
		return lists.get(TopRefresher.TRENDING, section(section), limit);
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
