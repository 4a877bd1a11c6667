package org.newsroom.media.rendition;

import org.newsroom.platform.openapi.ApiDocument;
import org.newsroom.media.photo.Photo;
import org.newsroom.media.photo.PhotoLibrary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.newsroom.platform.openapi.Answers;

import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves renditions to everyone. A rendition never changes once made, so it is cached for a
 * year as immutable; conditional requests ({@code If-None-Match}, {@code If-Modified-Since})
 * and HEAD are answered by Spring MVC from the ETag and Last-Modified set here.
 */
@RestController
@Tag(name = "Renditions", description = "The sizes pages and apps show (JPEG), made once and cached for a year")
class RenditionController {

	/** Written as the contract spells it (docs/architecture.md, "media-service" and issue 4). */
	static final String FOREVER = "public, max-age=31536000, immutable";

	private final PhotoLibrary library;
	private final RenditionDesk desk;
	private final RenditionStore store;

	RenditionController(PhotoLibrary library, RenditionDesk desk, RenditionStore store) {
		this.library = library;
		this.desk = desk;
		this.store = store;
	}

	@GetMapping("/api/media/{id}/renditions/{name}")
	@Operation(operationId = "getRendition", summary = "A rendition of a photo (JPEG)")
	@ApiResponse(responseCode = "200", description = "OK: the JPEG's bytes, immutable",
			content = @Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")))
	@Answers(notModified = true, problems = { 400, 404, 410 })
	ResponseEntity<Resource> rendition(
			@Parameter(description = "The photo's id", schema = @Schema(type = "string", pattern = ApiDocument.OBJECT_ID,
					minLength = 24, maxLength = 24, example = "6752a1f0c3b9e54d2a1b7c90")) @PathVariable String id,
			@Parameter(schema = @Schema(allowableValues = { "thumb", "small", "medium", "large", "og" })) @PathVariable String name) {
		RenditionSpec spec = RenditionSpec.named(name).orElseThrow(RenditionNotFound::new);
		Photo photo = library.findActive(id);
		StoredRendition rendition = desk.obtain(photo, spec);
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_JPEG)
			.contentLength(rendition.bytes())
			.eTag(rendition.etag())
			.lastModified(rendition.createdAt())
			.header(HttpHeaders.CACHE_CONTROL, FOREVER)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(photo.id() + "-" + spec.id() + ".jpg").build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(store.open(rendition));
	}
}
