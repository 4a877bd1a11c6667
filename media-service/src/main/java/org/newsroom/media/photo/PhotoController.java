package org.newsroom.media.photo;


import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.newsroom.platform.http.ReaderCaching;

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
class PhotoController {

	private final PhotoLibrary library;
	private final OriginalStore originals;

	PhotoController(PhotoLibrary library, OriginalStore originals) {
		this.library = library;
		this.originals = originals;
	}

	@GetMapping("/{id}")
	ResponseEntity<PhotoView> byId(@PathVariable String id, Authentication caller) {
		return ResponseEntity.ok()
			.cacheControl(ReaderCaching.PHOTO.forCaller(caller == null))
			.body(PhotoView.of(library.find(id)));
	}

	@GetMapping
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
	ResponseEntity<Resource> original(@PathVariable String id) {
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
