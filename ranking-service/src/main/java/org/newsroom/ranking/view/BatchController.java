package org.newsroom.ranking.view;

import java.time.Clock;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Views in bulk from collectors with role {@code ingest}; the single-view beacon is {@link ViewBeacon}. */
@RestController
class BatchController {

	private final ViewIntake intake;
	private final Clock clock;

	BatchController(ViewIntake intake, Clock clock) {
		this.intake = intake;
		this.clock = clock;
	}

	@PostMapping("/api/rankings/views/batch")
	Mono<ResponseEntity<BatchResult>> batch(@RequestBody BatchRequest batch) {
		return intake.batch(batch, clock.millis()).map(result -> ResponseEntity.status(HttpStatus.ACCEPTED).body(result));
	}
}
