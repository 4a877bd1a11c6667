package org.newsroom.article.story;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.newsroom.article.revision.FieldChange;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Which fields a change touched, with their previous values as clients saw them (JSON shapes:
 * text, lists, objects), for the revision history.
 */
@Component
public class ArticleDiff {

	private static final Map<String, Function<Article, Object>> FIELDS = new LinkedHashMap<>();

	static {
		FIELDS.put("slug", Article::slug);
		FIELDS.put("headline", a -> a.content().headline());
		FIELDS.put("deck", a -> a.content().deck());
		FIELDS.put("summary", a -> a.content().summary());
		FIELDS.put("body", a -> a.content().body());
		FIELDS.put("section", a -> a.content().section());
		FIELDS.put("tags", a -> a.content().tags());
		FIELDS.put("byline", a -> a.content().byline());
		FIELDS.put("source", a -> a.content().source());
		FIELDS.put("dateline", a -> a.content().dateline());
		FIELDS.put("language", a -> a.content().language());
		FIELDS.put("leadMediaId", a -> a.content().leadMediaId());
		FIELDS.put("relatedIds", a -> a.content().relatedIds());
		FIELDS.put("embargoUntil", a -> a.content().embargoUntil());
		FIELDS.put("status", Article::status);
		FIELDS.put("publishAt", Article::publishAt);
		FIELDS.put("firstPublishedAt", Article::firstPublishedAt);
		FIELDS.put("corrections", Article::corrections);
	}

	private final JsonMapper json;

	public ArticleDiff(JsonMapper json) {
		this.json = json;
	}

	/** The changed fields, in the order of the article JSON. */
	public List<FieldChange> between(Article before, Article after) {
		List<FieldChange> changes = new ArrayList<>();
		FIELDS.forEach((field, value) -> {
			Object previous = value.apply(before);
			Object next = value.apply(after);
			if (!Objects.equals(normal(previous), normal(next))) {
				changes.add(new FieldChange(field, previous == null ? null : json.convertValue(previous, Object.class)));
			}
		});
		return changes;
	}

	/** Every field of a new article, with no previous values. */
	public List<FieldChange> created(Article article) {
		List<FieldChange> changes = new ArrayList<>();
		FIELDS.forEach((field, value) -> {
			Object current = normal(value.apply(article));
			if (current != null) {
				changes.add(new FieldChange(field, null));
			}
		});
		return changes;
	}

	/** An absent list and an empty one are the same to readers. */
	private static Object normal(Object value) {
		return value instanceof List<?> list && list.isEmpty() ? null : value;
	}
}
