package org.newsroom.article.story;

/** Where an article is in its life: DRAFT → (SCHEDULED) → PUBLISHED → WITHDRAWN, and back to editing. */
public enum ArticleStatus {
	DRAFT, SCHEDULED, PUBLISHED, WITHDRAWN
}
