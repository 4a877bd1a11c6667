package org.newsroom.media.photo;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;
import org.newsroom.platform.problem.FieldProblem;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The fields an editor sets on a photo: in the upload's {@code metadata} part, and by PATCH.
 * The limits are the same on both paths and for values read from the file. Blank means absent.
 */
public record PhotoFields(
		@Schema(nullable = true) @Size(max = 2000) String caption,
		@Schema(nullable = true) @Size(max = 1000) String altText,
		@Schema(nullable = true) @Size(max = 200) String credit,
		@Schema(nullable = true) @Size(max = 200) String creator,
		@Schema(nullable = true) @Size(max = 200) String source,
		@Schema(nullable = true) @Size(max = 500) String copyrightNotice,
		@Schema(nullable = true) @Size(max = 2000) String usageTerms,
		@Schema(nullable = true) Instant rightsExpireAt) {

	public static final PhotoFields NONE = new PhotoFields(null, null, null, null, null, null, null, null);

	/** Every limit these values break, by field, in a stable order. */
	public List<FieldProblem> limitsBroken(Validator validator) {
		return validator.validate(this)
			.stream()
			.map(v -> new FieldProblem(v.getPropertyPath().toString(), v.getMessage()))
			.sorted(java.util.Comparator.comparing(FieldProblem::field))
			.toList();
	}
}
