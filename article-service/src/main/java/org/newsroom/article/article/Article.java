package org.newsroom.article.article;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** An article as stored in the {@code articles} collection. */
@Document("articles")
public record Article(
		@Id String id,
		@Indexed(unique = true) String slug,
		String headline,
		String summary,
		List<Block> body,
		String section,
		List<String> byline,
		String source,
		ArticleStatus status,
		Instant firstPublishedAt,
		Instant createdAt,
		Instant updatedAt,
		@Version Long version) {

	public Article published(Instant now) {
		return new Article(id, slug, headline, summary, body, section, byline, source, ArticleStatus.PUBLISHED,
				firstPublishedAt != null ? firstPublishedAt : now, createdAt, now, version);
	}

	public boolean isPublished() {
		return status == ArticleStatus.PUBLISHED;
	}
}
