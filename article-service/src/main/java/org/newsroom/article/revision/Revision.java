package org.newsroom.article.revision;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A recorded change to an article: who made it, when, what it did, and the previous values of
 * the fields it changed. {@code version} is the article's version after the change; the id is
 * {@code <articleId>-<version>}, so writing the same revision twice stores it once.
 */
@Document("revisions")
public record Revision(
		@Id @JsonIgnore String id,
		String articleId,
		long version,
		Instant at,
		String by,
		String action,
		List<FieldChange> changes) {

	public static Revision of(String articleId, long version, Instant at, String by, String action,
			List<FieldChange> changes) {
		return new Revision(articleId + "-" + version, articleId, version, at, by, action, List.copyOf(changes));
	}
}
