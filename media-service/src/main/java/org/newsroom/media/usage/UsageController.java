package org.newsroom.media.usage;

import java.time.Clock;

import org.newsroom.platform.openapi.ApiDocument;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Parameter;
import org.newsroom.media.photo.PhotoLibrary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.newsroom.platform.openapi.Answers;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Usage rights: may this photo be published now, and takedown (admins only, SecurityConfig). */
@RestController
@RequestMapping("/api/media")
@Tag(name = "Usage rights", description = "May a photo be published now; takedown")
class UsageController {

	private final PhotoLibrary library;
	private final Takedown takedown;
	private final Clock clock;

	UsageController(PhotoLibrary library, Takedown takedown, Clock clock) {
		this.library = library;
		this.takedown = takedown;
		this.clock = clock;
	}

	/** Never cached: a takedown or an expiry must be seen by the next publish. */
	@GetMapping("/{id}/usage")
	@Operation(operationId = "getPhotoUsage", summary = "May this photo be published now, and if not, why")
	@Answers(problems = { 400, 404 })
	ResponseEntity<UsageReport> usage(
			@Parameter(description = "The photo's id", schema = @Schema(type = "string", pattern = ApiDocument.OBJECT_ID,
					minLength = 24, maxLength = 24, example = "6752a1f0c3b9e54d2a1b7c90")) @PathVariable String id) {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(UsageReport.of(library.find(id), clock.instant()));
	}

	@DeleteMapping("/{id}")
	@Operation(operationId = "takeDownPhoto", summary = "Take a photo down",
			description = "Its record stays; its image, renditions and edits are gone, and articles showing it cannot be published.")
	@Answers(status = 204, problems = { 400, 404 })
	ResponseEntity<Void> takeDown(
			@Parameter(description = "The photo's id", schema = @Schema(type = "string", pattern = ApiDocument.OBJECT_ID,
					minLength = 24, maxLength = 24, example = "6752a1f0c3b9e54d2a1b7c90")) @PathVariable String id, Authentication who) {
		takedown.takeDown(id, who.getName());
		return ResponseEntity.noContent().build();
	}
}
