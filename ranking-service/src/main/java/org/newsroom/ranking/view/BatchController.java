package org.newsroom.ranking.view;

import java.time.Clock;

import org.newsroom.platform.web.RankingPaths;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Views in bulk from collectors with role {@code ingest}; the single-view beacon is {@link ViewBeacon}. */
@RestController
class BatchController {

	private final BatchIntake intake;
	private final Clock clock;

	BatchController(BatchIntake intake, Clock clock) {
		this.intake = intake;
		this.clock = clock;
	}

	@PostMapping(RankingPaths.VIEW_BATCH)
	Mono<ResponseEntity<BatchResult>> batch(@RequestBody BatchRequest batch) {
		return intake.take(batch, clock.millis()).map(result -> ResponseEntity.status(HttpStatus.ACCEPTED).body(result));
	}
}
