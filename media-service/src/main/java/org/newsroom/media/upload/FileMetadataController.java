package org.newsroom.media.upload;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.newsroom.platform.openapi.Answers;

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
@Tag(name = "Photos")
class FileMetadataController {

	private final PhotoIntake intake;

	FileMetadataController(PhotoIntake intake) {
		this.intake = intake;
	}

	@PostMapping(path = "/api/media/metadata", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(operationId = "readPhotoFileMetadata", summary = "What a photo file says about itself (nothing is stored)")
	@Answers(problems = { 400, 413, 415, 422 })
	FileMetadata read(@RequestPart("file") MultipartFile file) {
		return intake.inspect(file);
	}
}
