package org.newsroom.media.metadata;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Validator;
import org.newsroom.media.photo.Photo;
import org.newsroom.media.photo.PhotoFields;
import org.newsroom.media.photo.PhotoLibrary;
import org.newsroom.media.photo.PhotoStore;
import org.newsroom.media.photo.PhotoTakenDown;
import org.newsroom.media.rendition.RenditionStore;
import org.newsroom.platform.change.Change;
import org.newsroom.platform.change.ChangeLog;
import org.newsroom.platform.problem.FieldProblem;
import org.newsroom.platform.problem.ProblemException;
import org.newsroom.platform.problem.Problems;
import tools.jackson.databind.JsonNode;

import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Applies a JSON merge patch (RFC 7396) to a photo's editable fields: a field with a value sets
 * it, a field with {@code null} removes it, an absent field stays as it is. The same limits as
 * at upload apply ({@link PhotoFields}), and the credit can be changed but never removed.
 *
 * <p>The patched fields are written in one atomic update of the record, so two editors changing
 * different fields at the same time both keep their change. A new credit or copyright notice
 * makes the renditions be made again, since they carry both.
 */
@Service
public class MetadataEditor {

	private enum Kind {
		PARAGRAPH, LINE, CREDIT, SOURCE, INSTANT
	}

	private static final Map<String, Kind> EDITABLE = Map.of("caption", Kind.PARAGRAPH, "altText", Kind.PARAGRAPH,
			"credit", Kind.CREDIT, "creator", Kind.LINE, "source", Kind.SOURCE, "copyrightNotice", Kind.LINE,
			"usageTerms", Kind.PARAGRAPH, "rightsExpireAt", Kind.INSTANT);

	private static final Set<String> READ_ONLY = Set.of("id", "rawCredit", "contentType", "width", "height", "bytes",
			"sha256", "createdAt", "updatedAt", "renditions", "status", "takenDownAt");

	private final PhotoStore store;
	private final PhotoLibrary library;
	private final RenditionStore renditions;
	private final Validator validator;
	private final ChangeLog changes;

	public MetadataEditor(PhotoStore store, PhotoLibrary library, RenditionStore renditions, Validator validator,
			ChangeLog changes) {
		this.store = store;
		this.library = library;
		this.renditions = renditions;
		this.validator = validator;
		this.changes = changes;
	}

	public Photo edit(String id, JsonNode patch) {
		Photo current = library.find(id);
		if (current.isTakenDown()) {
			throw new PhotoTakenDown();
		}
		Map<String, Object> changes = read(patch);
		if (changes.isEmpty()) {
			return current;
		}
		Update update = new Update();
		changes.forEach((field, value) -> write(update, field, value));
		// pages showing the photo (caption, credit) are rebuilt (docs/gateway.md, page cache)
		this.changes.record(Change.PHOTO, current.id(), List.of(), true);
		Photo edited = store.updateActive(current.id(), update).orElse(null);
		if (edited == null) {
			// taken down (or deleted) between the read and the update
			library.find(id);
			throw new PhotoTakenDown();
		}
		if (changes.containsKey("credit") || changes.containsKey("copyrightNotice")) {
			renditions.forget(edited.id());
		}
		return edited;
	}

	/** The cleaned new value per field (null to remove), or the problems that refuse the patch. */
	private Map<String, Object> read(JsonNode patch) {
		if (patch == null || !patch.isObject()) {
			throw malformed("$", "a JSON merge patch must be an object");
		}
		Map<String, Object> changes = new HashMap<>();
		List<FieldProblem> unknown = new ArrayList<>();
		List<FieldProblem> invalid = new ArrayList<>();
		for (Map.Entry<String, JsonNode> entry : patch.properties()) {
			String field = entry.getKey();
			JsonNode value = entry.getValue();
			Kind kind = EDITABLE.get(field);
			if (kind == null) {
				if (READ_ONLY.contains(field)) {
					invalid.add(new FieldProblem(field, "cannot be changed"));
				}
				else {
					unknown.add(new FieldProblem(field, "unknown field '" + field + "'"));
				}
				continue;
			}
			if (value.isNull()) {
				changes.put(field, null);
				continue;
			}
			if (!value.isString()) {
				unknown.add(new FieldProblem(field, "wrong type or format"));
				continue;
			}
			String text = value.asString();
			if (kind == Kind.INSTANT) {
				try {
					changes.put(field, Instant.parse(text.strip()));
				}
				catch (DateTimeParseException e) {
					unknown.add(new FieldProblem(field, "wrong type or format"));
				}
				continue;
			}
			changes.put(field, text);
		}
		if (!unknown.isEmpty()) {
			throw malformed(unknown.get(0).field(), unknown.get(0).message(), unknown);
		}
		validateLimits(changes, invalid);
		if (changes.containsKey("credit") && CreditLine.of((String) changes.get("credit")) == null) {
			invalid.add(new FieldProblem("credit", "cannot be removed: every photo needs a credit"));
		}
		if (!invalid.isEmpty()) {
			throw Problems.invalid(invalid.get(0).field() + ": " + invalid.get(0).message()
					+ (invalid.size() > 1 ? " (and " + (invalid.size() - 1) + " more)" : ""), invalid);
		}
		return changes;
	}

	private void validateLimits(Map<String, Object> changes, List<FieldProblem> invalid) {
		PhotoFields fields = new PhotoFields((String) changes.get("caption"), (String) changes.get("altText"),
				(String) changes.get("credit"), (String) changes.get("creator"), (String) changes.get("source"),
				(String) changes.get("copyrightNotice"), (String) changes.get("usageTerms"),
				(Instant) changes.get("rightsExpireAt"));
		invalid.addAll(fields.limitsBroken(validator));
	}

	private static void write(Update update, String field, Object value) {
		Kind kind = EDITABLE.get(field);
		switch (kind) {
			case CREDIT -> {
				CreditLine credit = CreditLine.of((String) value);
				update.set(Photo.Fields.CREDIT, credit.display())
					.set(Photo.Fields.RAW_CREDIT, credit.raw())
					.set(Photo.Fields.CREDIT_KEY, credit.key());
			}
			case SOURCE -> {
				String source = MetadataText.line((String) value);
				setOrUnset(update, Photo.Fields.SOURCE, source);
				setOrUnset(update, Photo.Fields.SOURCE_KEY, PhotoLibrary.sourceKey(source));
			}
			case PARAGRAPH -> setOrUnset(update, field, MetadataText.paragraph((String) value));
			case LINE -> setOrUnset(update, field, MetadataText.line((String) value));
			case INSTANT -> setOrUnset(update, field, value);
		}
	}

	private static void setOrUnset(Update update, String field, Object value) {
		if (value == null) {
			update.unset(field);
		}
		else {
			update.set(field, value);
		}
	}

	private static ProblemException malformed(String field, String message) {
		return malformed(field, message, List.of(new FieldProblem(field, message)));
	}

	private static ProblemException malformed(String field, String message, List<FieldProblem> errors) {
		return new ProblemException(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
				"The merge patch could not be read at '" + field + "': " + message + ".", errors, Map.of(), null);
	}
}
