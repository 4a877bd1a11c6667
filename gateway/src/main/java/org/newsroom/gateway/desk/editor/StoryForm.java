package org.newsroom.gateway.desk.editor;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the editor page puts into its controls: every field as the control takes it. Lists the
 * editor types as text are joined (tags and related ids with commas, byline names one a line),
 * and times are local date-times in the newsroom's zone, as {@code <input type="datetime-local">}
 * takes them (the page says which zone).
 *
 * @param id null for a story not saved yet
 * @param version null for a story not saved yet; else also its ETag
 */
record StoryForm(String id, Long version, String status, String webLink, String headline, String deck,
		String summary, String section, String tags, String byline, String source, String dateline,
		String language, String leadMediaId, String relatedIds, String embargoUntil, Shown publishAt,
		Shown firstPublishedAt, Shown updatedAt, List<Block> body, List<Correction> corrections,
		String publishingProblem) {

	static final String DEFAULT_LANGUAGE = "en";

	private static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ENGLISH);

	/** A time as the page shows it (in the newsroom's zone, named) and as {@code <time datetime>} takes it. */
	record Shown(String iso, String text) {
	}

	/**
	 * A body block's controls; {@code key} makes the ids of its controls unique in the page, and
	 * stays with the block when it is moved.
	 */
	record Block(String key, String type, String text, String attribution, String mediaId, String caption,
			String url) {
	}

	record Correction(Shown at, String text) {
	}

	static StoryForm blank(String section) {
		return new StoryForm(null, null, "DRAFT", null, "", "", "", section, "", "", "", "", DEFAULT_LANGUAGE, "", "",
				"", null, null, null, List.of(new Block("b0", "paragraph", "", null, null, null, null)), List.of(), null);
	}

	static StoryForm of(EditedArticle article, ZoneId zone) {
		List<Block> blocks = new ArrayList<>();
		if (article.body() != null) {
			for (EditedArticle.Block block : article.body()) {
				blocks.add(new Block("b" + blocks.size(), block.type(), block.text(), block.attribution(),
						block.mediaId(), block.caption(), block.url()));
			}
		}
		List<Correction> corrections = new ArrayList<>();
		if (article.corrections() != null) {
			for (EditedArticle.Correction correction : article.corrections()) {
				corrections.add(new Correction(shown(correction.at(), zone), correction.text()));
			}
		}
		EditedArticle.PublishingProblem problem = article.publishingProblem();
		return new StoryForm(article.id(), article.version(), article.status(),
				article.links() != null ? article.links().web() : null, orEmpty(article.headline()),
				orEmpty(article.deck()), orEmpty(article.summary()), article.section(), joined(article.tags(), ", "),
				joined(article.byline(), "\n"), orEmpty(article.source()), orEmpty(article.dateline()),
				article.language() != null ? article.language() : DEFAULT_LANGUAGE, orEmpty(article.leadMediaId()),
				joined(article.relatedIds(), ", "),
				article.embargoUntil() != null ? LOCAL_INPUT.format(article.embargoUntil().atZone(zone)) : "",
				shown(article.publishAt(), zone), shown(article.firstPublishedAt(), zone),
				shown(article.updatedAt(), zone), blocks, corrections, problem != null ? problem(problem, zone) : null);
	}

	/** Public: the template asks (a new story has no status panel actions yet). */
	public boolean isNew() {
		return id == null;
	}

	private static String problem(EditedArticle.PublishingProblem problem, ZoneId zone) {
		StringBuilder text = new StringBuilder("The last attempt to publish failed");
		if (problem.reason() != null) {
			text.append(": ").append(problem.reason());
		}
		Shown next = shown(problem.nextAttemptAt(), zone);
		if (next != null) {
			text.append(". Next attempt at ").append(next.text());
		}
		return text.append('.').toString();
	}

	private static Shown shown(Instant at, ZoneId zone) {
		return at == null ? null : new Shown(at.toString(), SHOWN.format(at.atZone(zone)));
	}

	private static String joined(List<String> values, String separator) {
		return values == null ? "" : String.join(separator, values);
	}

	private static String orEmpty(String value) {
		return value == null ? "" : value;
	}
}
