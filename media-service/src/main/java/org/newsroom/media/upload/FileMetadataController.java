package org.newsroom.media.upload;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/media/metadata} (editors): multipart with the photo in {@code file}; answers
 * what the file says about itself and stores nothing. The desk pre-fills its upload form with it,
 * so the editor sees the caption, credit and terms the file brings before confirming. The same
 * limits and checks as an upload apply (413, 415, 422), so a file the upload would refuse is
 * refused here first.
 */
@RestController
class FileMetadataController {

	private final PhotoIntake intake;

	FileMetadataController(PhotoIntake intake) {
		this.intake = intake;
	}

	@PostMapping(path = "/api/media/metadata", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	FileMetadata read(@RequestPart("file") MultipartFile file) {
		return intake.inspect(file);
	}
}
