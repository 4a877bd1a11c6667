package org.newsroom.gateway.desk;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.newsroom.gateway.desk.WordDiff.Kind;
import org.newsroom.gateway.desk.WordDiff.Piece;
import org.newsroom.gateway.desk.WordDiff.Step;
import tools.jackson.databind.JsonNode;

/**
 * The difference between two versions of an article as an editor reads it: field by field, in
 * the order of the article, only the fields that differ. Text is compared word by word; lists
 * (tags, bylines, related articles, corrections) item by item; the body block by block (blocks
 * kept, added, removed, or changed in place, those word by word); times in the newsroom's zone.
 */
final class RevisionComparison {

	static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ENGLISH);

	private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("slug", "Slug"),
			Map.entry("headline", "Headline"), Map.entry("deck", "Deck"), Map.entry("summary", "Summary"),
			Map.entry("body", "Body"), Map.entry("section", "Section"), Map.entry("tags", "Tags"),
			Map.entry("byline", "Byline"), Map.entry("source", "Source (agency)"), Map.entry("dateline", "Dateline"),
			Map.entry("language", "Language"), Map.entry("leadMediaId", "Lead photo"),
			Map.entry("relatedIds", "Related articles"), Map.entry("embargoUntil", "Embargo until"),
			Map.entry("status", "Status"), Map.entry("publishAt", "Scheduled for"),
			Map.entry("firstPublishedAt", "First published"), Map.entry("corrections", "Corrections"));

	private static final Set<String> TIMES = Set.of("embargoUntil", "publishAt", "firstPublishedAt");

	private static final Set<String> LISTS = Set.of("tags", "byline", "relatedIds");

	/** A block's fields, in the order they are shown. */
	private static final List<String> BLOCK_FIELDS = List.of("text", "attribution", "caption", "mediaId", "url");

	/** One line of a field's difference; {@code label} is null for a field that is one line. */
	record Line(String label, List<Piece> pieces) {
	}

	/** A field that differs between the two versions. */
	record Field(String name, String label, List<Line> lines) {
	}

	private final ZoneId zone;

	RevisionComparison(ZoneId zone) {
		this.zone = zone;
	}

	/** A field's name as editors know it. */
	static String label(String field) {
		return LABELS.getOrDefault(field, field);
	}

	List<Field> between(ArticleVersions.Version older, ArticleVersions.Version newer) {
		List<Field> fields = new ArrayList<>();
		for (String name : ArticleVersions.FIELDS) {
			JsonNode before = older.fields().get(name);
			JsonNode after = newer.fields().get(name);
			if (Objects.equals(before, after)) {
				continue;
			}
			List<Line> lines;
			if (name.equals("body")) {
				lines = body(elements(before), elements(after));
			}
			else if (name.equals("corrections")) {
				lines = List.of(new Line(null, WordDiff.items(corrections(before), corrections(after))));
			}
			else if (LISTS.contains(name)) {
				lines = List.of(new Line(null, WordDiff.items(texts(before), texts(after))));
			}
			else if (TIMES.contains(name)) {
				lines = List.of(new Line(null, WordDiff.words(time(before), time(after))));
			}
			else {
				lines = List.of(new Line(null, WordDiff.words(text(before), text(after))));
			}
			fields.add(new Field(name, label(name), lines));
		}
		return fields;
	}

	/**
	 * Blocks both versions hold unchanged are aligned first; between two such anchors, removed
	 * and added blocks of the same type are paired in order and shown as changed in place.
	 */
	private List<Line> body(List<JsonNode> before, List<JsonNode> after) {
		List<Line> lines = new ArrayList<>();
		List<Step<JsonNode>> steps = WordDiff.align(before, after);
		int oldIndex = 0;
		int newIndex = 0;
		int k = 0;
		while (k < steps.size()) {
			if (steps.get(k).kind() == Kind.SAME) {
				oldIndex++;
				newIndex++;
				k++;
				continue;
			}
			List<JsonNode> removed = new ArrayList<>();
			List<JsonNode> added = new ArrayList<>();
			while (k < steps.size() && steps.get(k).kind() != Kind.SAME) {
				(steps.get(k).kind() == Kind.REMOVED ? removed : added).add(steps.get(k).item());
				k++;
			}
			int r = 0;
			int a = 0;
			while (r < removed.size() || a < added.size()) {
				JsonNode gone = r < removed.size() ? removed.get(r) : null;
				JsonNode came = a < added.size() ? added.get(a) : null;
				if (gone != null && came != null && type(gone).equals(type(came))) {
					changedBlock(lines, newIndex + 1, gone, came);
					r++;
					a++;
					oldIndex++;
					newIndex++;
				}
				else if (gone != null) {
					wholeBlock(lines, "Block " + (oldIndex + 1) + " of the older version, " + type(gone) + ", removed",
							gone, Kind.REMOVED);
					r++;
					oldIndex++;
				}
				else {
					wholeBlock(lines, "Block " + (newIndex + 1) + ", " + type(came) + ", added", came, Kind.ADDED);
					a++;
					newIndex++;
				}
			}
		}
		return lines;
	}

	private static void changedBlock(List<Line> lines, int position, JsonNode gone, JsonNode came) {
		for (String field : BLOCK_FIELDS) {
			String before = text(gone.get(field));
			String after = text(came.get(field));
			if (!Objects.equals(before, after)) {
				String what = field.equals("text") ? "" : ", " + field;
				lines.add(new Line("Block " + position + ", " + type(came) + what + ", changed",
						WordDiff.words(before, after)));
			}
		}
	}

	private static void wholeBlock(List<Line> lines, String label, JsonNode block, Kind kind) {
		for (String field : BLOCK_FIELDS) {
			String value = text(block.get(field));
			if (value != null) {
				lines.add(new Line(field.equals("text") ? label : label + ": " + field, List.of(new Piece(kind, value))));
			}
		}
	}

	private static String type(JsonNode block) {
		String type = text(block.get("type"));
		return type != null ? type : "block";
	}

	private List<String> corrections(JsonNode value) {
		List<String> items = new ArrayList<>();
		for (JsonNode correction : elements(value)) {
			String at = time(correction.get("at"));
			String text = text(correction.get("text"));
			items.add(at != null ? at + ": " + text : text);
		}
		return items;
	}

	private static List<String> texts(JsonNode value) {
		List<String> items = new ArrayList<>();
		for (JsonNode item : elements(value)) {
			items.add(text(item));
		}
		return items;
	}

	private static List<JsonNode> elements(JsonNode value) {
		List<JsonNode> items = new ArrayList<>();
		if (value != null && value.isArray()) {
			value.values().forEach(items::add);
		}
		return items;
	}

	private static String text(JsonNode value) {
		if (value == null || value.isNull() || value.isMissingNode()) {
			return null;
		}
		return value.isValueNode() ? value.asString() : value.toString();
	}

	/**
	 * A time in the newsroom's zone, named. Revisions hold what Jackson wrote: ISO-8601 text, or
	 * seconds as a decimal number where timestamps are written as numbers.
	 */
	private String time(JsonNode value) {
		if (value == null || value.isNull() || value.isMissingNode()) {
			return null;
		}
		try {
			Instant instant;
			if (value.isNumber()) {
				BigDecimal seconds = value.decimalValue();
				instant = Instant.ofEpochSecond(seconds.longValue(),
						seconds.remainder(BigDecimal.ONE).movePointRight(9).intValue());
			}
			else {
				instant = Instant.parse(value.asString());
			}
			return SHOWN.format(instant.atZone(zone));
		}
		catch (DateTimeParseException | ArithmeticException e) {
			return text(value);
		}
	}
}
