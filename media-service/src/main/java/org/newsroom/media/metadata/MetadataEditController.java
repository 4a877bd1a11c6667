package org.newsroom.media.metadata;

import org.newsroom.platform.openapi.ApiDocument;
import io.swagger.v3.oas.annotations.Parameter;
import org.newsroom.media.photo.PhotoView;
import tools.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.newsroom.media.photo.PhotoFields;
import org.newsroom.platform.openapi.Answers;

import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Editors correct captions, credits and rights. The body is a JSON merge patch
 * ({@code application/merge-patch+json}); plain {@code application/json} is read the same way.
 */
@RestController
@Tag(name = "Photos")
class MetadataEditController {

	static final String MERGE_PATCH = "application/merge-patch+json";

	private final MetadataEditor editor;

	MetadataEditController(MetadataEditor editor) {
		this.editor = editor;
	}

	@PatchMapping(path = "/api/media/{id}", consumes = { MERGE_PATCH, "application/json" })
	@Operation(operationId = "editPhotoMetadata", summary = "Correct a photo's caption, credit or rights",
			description = "A JSON merge patch (RFC 7396): the fields given are set, a field given as null is removed, "
					+ "the others are kept.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
			@Content(mediaType = MERGE_PATCH, schema = @Schema(implementation = PhotoFields.class)),
			@Content(mediaType = "application/json", schema = @Schema(implementation = PhotoFields.class)) })
	@Answers(problems = { 400, 404, 410, 413, 415, 422 })
	PhotoView edit(
			@Parameter(description = "The photo's id", schema = @Schema(type = "string", pattern = ApiDocument.OBJECT_ID,
					minLength = 24, maxLength = 24, example = "6752a1f0c3b9e54d2a1b7c90")) @PathVariable String id, @RequestBody JsonNode patch) {
		return PhotoView.of(editor.edit(id, patch));
	}
}
