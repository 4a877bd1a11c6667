package org.newsroom.article.article;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.newsroom.article.config.ArticleProperties;
import org.newsroom.platform.problem.Problems;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** The article desk: drafting and publishing. */
@Service
public class Newsroom {

	private final ArticleRepository articles;
	private final ArticleProperties properties;
	private final Clock clock;

	public Newsroom(ArticleRepository articles, ArticleProperties properties) {
		this.articles = articles;
		this.properties = properties;
		this.clock = Clock.systemUTC();
	}

	public Article draft(ArticleDraft draft) {
		if (!properties.sections().contains(draft.section())) {
			throw Problems.invalid("section", "unknown section; one of " + properties.sections());
		}
		Instant now = clock.instant();
		String base = Slugs.fromHeadline(draft.headline());
		for (int attempt = 1;; attempt++) {
			String slug = attempt == 1 ? base : base + "-" + attempt;
			if (articles.existsBySlug(slug)) {
				continue;
			}
			Article article = new Article(null, slug, draft.headline().strip(), draft.summary(),
					draft.body() != null ? draft.body() : List.of(), draft.section(),
					draft.byline() != null ? draft.byline() : List.of(), draft.source(), ArticleStatus.DRAFT, null,
					now, now, null);
			try {
				return articles.insert(article);
			}
			catch (DuplicateKeyException raced) {
				// another editor took this slug between the check and the insert: try the next one
				if (attempt > 50) {
					throw raced;
				}
			}
		}
	}

	public Article publish(String id) {
		Article article = articles.findById(id).orElseThrow(ArticleNotFound::new);
		return articles.save(article.published(clock.instant()));
	}
}
