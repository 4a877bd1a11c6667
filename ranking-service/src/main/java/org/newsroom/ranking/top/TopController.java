package org.newsroom.ranking.top;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.newsroom.platform.problem.Problems;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TopController {

	static final Map<String, Duration> WINDOWS = Map.of("1h", Duration.ofHours(1), "6h", Duration.ofHours(6), "24h",
			Duration.ofHours(24), "7d", Duration.ofDays(7), "30d", Duration.ofDays(30));

	private final TopStories topStories;

	TopController(TopStories topStories) {
		this.topStories = topStories;
	}

	@GetMapping("/api/rankings/top")
	Mono<TopList> top(@RequestParam(defaultValue = "24h") String window,
			@RequestParam(defaultValue = "10") @Min(1) @Max(50) int limit) {
		Duration length = WINDOWS.get(window);
		if (length == null) {
			return Mono.error(Problems.badRequest("window must be one of 1h, 6h, 24h, 7d, 30d.",
					java.util.List.of(new org.newsroom.platform.problem.FieldProblem("window", "one of 1h, 6h, 24h, 7d, 30d"))));
		}
		return Mono.fromCallable(() -> topStories.top(length, window, limit)).subscribeOn(Schedulers.boundedElastic());
	}
}
