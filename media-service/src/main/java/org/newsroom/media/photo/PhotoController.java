package org.newsroom.media.photo;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.newsroom.platform.openapi.ApiDocument;
import io.swagger.v3.oas.annotations.Parameter;
import org.newsroom.platform.http.ReaderCaching;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.newsroom.platform.openapi.Access;
import org.newsroom.platform.openapi.Answers;

import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reading photos: one, a filtered page, and (for editors) the original file. */
@RestController
@RequestMapping("/api/media")
@Tag(name = "Photos", description = "The photo library: uploads with the file's own caption and credit, corrections, search, originals for the newsroom")
class PhotoController {

	private final PhotoLibrary library;
	private final OriginalStore originals;

	PhotoController(PhotoLibrary library, OriginalStore originals) {
		this.library = library;
		this.originals = originals;
	}

	@GetMapping("/{id}")
	@Operation(operationId = "getPhoto", summary = "Read a photo's record",
			description = "A taken-down photo keeps its record (status TAKEN_DOWN, no renditions).")
	@Answers(problems = { 400, 404 })
	ResponseEntity<PhotoView> byId(
			@Parameter(description = "The photo's id", schema = @Schema(type = "string", pattern = ApiDocument.OBJECT_ID,
					minLength = 24, maxLength = 24, example = "6752a1f0c3b9e54d2a1b7c90")) @PathVariable String id, Authentication caller) {
		return ResponseEntity.ok()
			.cacheControl(ReaderCaching.PHOTO.forCaller(caller == null))
			.body(PhotoView.of(library.find(id)));
	}

	@GetMapping
	@Operation(operationId = "listPhotos", summary = "List and search photos, newest first")
	@Answers(problems = { 400 })
	ResponseEntity<PhotoLibrary.Page> list(Authentication caller, @RequestParam(required = false) @Size(max = 200) String credit,
			@RequestParam(required = false) @Size(max = 200) String source,
			@RequestParam(required = false) @Size(max = 200) String q,
			@RequestParam(required = false) MediaStatus status,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
			@RequestParam(required = false) @Size(max = 200) String cursor) {
		return ResponseEntity.ok()
			.cacheControl(ReaderCaching.LIST.forCaller(caller == null))
			.body(library.list(new PhotoLibrary.Filter(credit, source, q, status), size, cursor));
	}

	/** Editors only (SecurityConfig). Conditional GETs answer 304 from the ETag (the SHA-256). */
	@GetMapping("/{id}/original")
	@Operation(operationId = "getPhotoOriginal", summary = "The original file, as uploaded")
	@ApiResponse(responseCode = "200", description = "OK: the file's bytes", content = {
			@Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")),
			@Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary")),
			@Content(mediaType = "image/webp", schema = @Schema(type = "string", format = "binary")) })
	@Answers(notModified = true, problems = { 400, 404, 410 }, access = Access.EDITOR)
	ResponseEntity<Resource> original(
			@Parameter(description = "The photo's id", schema = @Schema(type = "string", pattern = ApiDocument.OBJECT_ID,
					minLength = 24, maxLength = 24, example = "6752a1f0c3b9e54d2a1b7c90")) @PathVariable String id) {
		Photo photo = library.findActive(id);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(photo.contentType()))
			.contentLength(photo.bytes())
			.eTag("\"" + photo.sha256() + "\"")
			.lastModified(photo.createdAt())
			// restricted content: browsers may keep it but must ask again, shared caches must not
			.cacheControl(CacheControl.noCache().cachePrivate())
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(photo.id() + extension(photo)).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(originals.open(photo.originalFileId()));
	}

	private static String extension(Photo photo) {
		return switch (photo.contentType()) {
			case "image/png" -> ".png";
			case "image/webp" -> ".webp";
			default -> ".jpg";
		};
	}

}
