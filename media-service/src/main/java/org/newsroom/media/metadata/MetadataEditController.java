package org.newsroom.media.metadata;

import org.newsroom.media.photo.PhotoView;
import tools.jackson.databind.JsonNode;

import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Editors correct captions, credits and rights. The body is a JSON merge patch
 * ({@code application/merge-patch+json}); plain {@code application/json} is read the same way.
 */
@RestController
class MetadataEditController {

	static final String MERGE_PATCH = "application/merge-patch+json";

	private final MetadataEditor editor;

	MetadataEditController(MetadataEditor editor) {
		this.editor = editor;
	}

	@PatchMapping(path = "/api/media/{id}", consumes = { MERGE_PATCH, "application/json" })
	PhotoView edit(@PathVariable String id, @RequestBody JsonNode patch) {
		return PhotoView.of(editor.edit(id, patch));
	}
}
