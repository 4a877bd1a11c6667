package org.newsroom.media.photo;

import java.io.IOException;
import java.net.URI;

import jakarta.validation.Valid;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/media")
class PhotoController {

	private final PhotoDesk desk;

	PhotoController(PhotoDesk desk) {
		this.desk = desk;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<PhotoView> upload(@RequestPart("file") MultipartFile file,
			@Valid @RequestPart(name = "metadata", required = false) PhotoMetadata metadata) throws IOException {
		PhotoDesk.Upload upload = desk.upload(file.getBytes(), metadata != null ? metadata : PhotoMetadata.NONE);
		URI location = URI.create("/api/media/" + upload.photo().id());
		PhotoView view = PhotoView.of(upload.photo());
		return upload.created() ? ResponseEntity.created(location).body(view)
				: ResponseEntity.ok().location(location).body(view);
	}

	@GetMapping("/{id}")
	PhotoView byId(@PathVariable String id) {
		return PhotoView.of(desk.find(id));
	}

	@GetMapping("/{id}/original")
	ResponseEntity<InputStreamResource> original(@PathVariable String id) throws IOException {
		Photo photo = desk.find(id);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(photo.contentType()))
			.contentLength(photo.bytes())
			.eTag("\"" + photo.sha256() + "\"")
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().build().toString())
			.body(new InputStreamResource(desk.openOriginal(photo)));
	}
}
