package org.newsroom.article.revision;

import io.swagger.v3.oas.annotations.media.Schema;
import org.newsroom.platform.openapi.ApiDocument;

/**
 * One field a change touched and the value it had before (null when it had none). Values are
 * stored as plain JSON-like structures (text, numbers, lists, maps), as clients saw them.
 */
public record FieldChange(String field,
		@Schema(ref = ApiDocument.ANY_VALUE, description = "The value before the change, as clients saw it (text, number, list, object or null)") Object previous) {
}
