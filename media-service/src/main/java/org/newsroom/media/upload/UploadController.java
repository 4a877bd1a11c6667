package org.newsroom.media.upload;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;

import jakarta.servlet.http.Part;
import jakarta.validation.Validator;
import org.newsroom.media.photo.PhotoFields;
import org.newsroom.media.photo.PhotoView;
import org.newsroom.platform.problem.FieldProblem;
import org.newsroom.platform.problem.Problems;
import tools.jackson.databind.json.JsonMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Encoding;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.newsroom.platform.openapi.Answers;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/media}: multipart with the photo in {@code file} and, optionally, its
 * {@link PhotoFields} as JSON in {@code metadata}. 201 with the new photo, or 200 with the photo
 * already stored under the same bytes.
 */
@RestController
@Tag(name = "Photos")
class UploadController {

	/** The metadata part is a few fields of text; anything bigger is not metadata. */
	static final DataSize MAX_METADATA = DataSize.ofKilobytes(64);

	private final PhotoIntake intake;
	private final JsonMapper json;
	private final Validator validator;

	UploadController(PhotoIntake intake, JsonMapper json, Validator validator) {
		this.intake = intake;
		this.json = json;
		this.validator = validator;
	}

	/**
	 * The metadata part is read from any part type ({@code curl -F metadata=...} sends none) and
	 * always as UTF-8, which JSON is, so a Korean caption arrives intact.
	 */
	@PostMapping(path = "/api/media", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(operationId = "uploadPhoto", summary = "Upload a photo (JPEG, PNG or WebP)",
			description = "The file's own IPTC/XMP/EXIF caption, credit and terms are kept; `metadata` overrides them. "
					+ "A photo without a credit line (in the form or the file) is refused (422, missing-credit).")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
			mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
			schema = @Schema(type = "object", requiredProperties = { "file" }),
			schemaProperties = {
					@SchemaProperty(name = "file", schema = @Schema(type = "string", format = "binary",
							requiredMode = Schema.RequiredMode.REQUIRED)),
					@SchemaProperty(name = "metadata", schema = @Schema(implementation = PhotoFields.class)) },
			encoding = @Encoding(name = "metadata", contentType = "application/json")))
	@ApiResponse(responseCode = "201", description = "Created: the new photo",
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = PhotoView.class)))
	@ApiResponse(responseCode = "200", description = "The photo already stored with the same bytes, unchanged",
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = PhotoView.class)))
	@Answers(status = 201, problems = { 400, 413, 415, 422 })
	ResponseEntity<PhotoView> upload(@Parameter(hidden = true) @RequestPart("file") MultipartFile file,
			@Parameter(hidden = true) @RequestPart(name = "metadata", required = false) Part metadata, Authentication who) throws IOException {
		PhotoFields form = readMetadata(metadata);
		PhotoIntake.Upload upload = intake.take(file, form, who.getName());
		URI location = URI.create("/api/media/" + upload.photo().id());
		PhotoView view = PhotoView.of(upload.photo());
		return upload.created() ? ResponseEntity.created(location).body(view)
				: ResponseEntity.ok().location(location).body(view);
	}

	private PhotoFields readMetadata(Part part) throws IOException {
		if (part == null || part.getSize() == 0) {
			return PhotoFields.NONE;
		}
		if (part.getSize() > MAX_METADATA.toBytes()) {
			throw new UploadTooLarge("metadata", MAX_METADATA);
		}
		PhotoFields fields;
		try (InputStream in = part.getInputStream()) {
			fields = json.readValue(in, PhotoFields.class);
		}
		if (fields == null) {
			return PhotoFields.NONE;
		}
		List<FieldProblem> problems = fields.limitsBroken(validator);
		if (!problems.isEmpty()) {
			throw Problems.invalid(problems.get(0).field() + ": " + problems.get(0).message(), problems);
		}
		return fields;
	}
}
