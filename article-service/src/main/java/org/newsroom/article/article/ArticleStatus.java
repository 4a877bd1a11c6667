package org.newsroom.article.article;

public enum ArticleStatus {
	DRAFT, SCHEDULED, PUBLISHED, WITHDRAWN
}
