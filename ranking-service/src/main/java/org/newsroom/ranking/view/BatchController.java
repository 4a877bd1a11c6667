package org.newsroom.ranking.view;

import java.time.Clock;

import org.newsroom.platform.web.RankingPaths;
import reactor.core.publisher.Mono;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.newsroom.platform.openapi.Access;
import org.newsroom.platform.openapi.Answers;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Views in bulk from collectors with role {@code ingest}; the single-view beacon is {@link ViewBeacon}. */
@RestController
@Tag(name = "Page views", description = "Page views in: the readers' beacon, and batches from trusted collectors")
class BatchController {

	private final BatchIntake intake;
	private final Clock clock;

	BatchController(BatchIntake intake, Clock clock) {
		this.intake = intake;
		this.clock = clock;
	}

	@PostMapping(RankingPaths.VIEW_BATCH)
	@Operation(operationId = "recordViewBatch", summary = "Count views collected elsewhere (CDN logs, offline apps)",
			description = "Each item is checked on its own: bad ones are reported in `errors`, the rest counted. "
					+ "When the buffers are full the whole batch is refused (503) and may be sent again as it is.")
	@Answers(status = 202, problems = { 400, 413, 415 }, access = Access.INGEST)
	Mono<ResponseEntity<BatchResult>> batch(@RequestBody BatchRequest batch) {
		return intake.take(batch, clock.millis()).map(result -> ResponseEntity.status(HttpStatus.ACCEPTED).body(result));
	}
}
