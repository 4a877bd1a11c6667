package org.newsroom.platform.change;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.newsroom.platform.problem.FieldProblem;
import org.newsroom.platform.problem.Problems;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /internal/changes?since=...}: a service's recent changes for the caches that follow
 * it (the gateway, ranking-service). Not routed by the gateway; inside a deployment only the
 * gateway and ranking-service may reach the services (docs/operations.md, network policies). It
 * names only articles and photos that readers can see or could see until the change.
 */
@RestController
public class ChangeFeed {

	public static final String PATH = "/internal/changes";

	private final ChangeLog log;

	public ChangeFeed(ChangeLog log) {
		this.log = log;
	}

	@GetMapping(PATH)
	public ResponseEntity<Changes> changes(@RequestParam(required = false) String since) {
		Instant after = null;
		if (since != null) {
			try {
				after = Instant.parse(since);
			}
			catch (DateTimeParseException e) {
				throw Problems.badRequest("since must be an ISO-8601 time such as 2026-12-06T09:30:00Z.",
						List.of(new FieldProblem("since", "must be an ISO-8601 time")));
			}
		}
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(log.read(after));
	}
}
