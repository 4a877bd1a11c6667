package org.newsroom.gateway.page;

import java.util.List;

import org.newsroom.gateway.contract.Answer;
import org.newsroom.gateway.contract.Article;
import org.newsroom.gateway.contract.ArticleSummary;
import org.newsroom.gateway.contract.Photo;
import org.newsroom.gateway.contract.TopList;

/**
 * {@code GET /api/pages/articles/{slug}}: everything an app needs to show an article, in one
 * answer. {@code article}, {@code leadImage} and {@code top} are the services' own JSON (an
 * {@link Answer} is written as the JSON it was read from); {@code related} holds article
 * summaries. A part that could not be fetched is {@code null} and named in {@code degraded}
 * ({@code leadImage}, {@code top}, {@code related}); a part that simply does not exist (no lead
 * photo, no related articles) is {@code null} or empty without being degraded.
 */
public record ArticlePage(Answer<Article> article, Answer<Photo> leadImage, Answer<TopList> top,
		List<Answer<ArticleSummary>> related, List<String> degraded) {

	/** The same page with a stand-in Top list when its own could not be fetched or has nothing yet. */
	public ArticlePage withTopIfMissing(Answer<TopList> standIn) {
		return !PageComposer.needsStandIn(top) || standIn == null ? this : new ArticlePage(article, leadImage, standIn, related, degraded);
	}
}
