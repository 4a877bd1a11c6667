package org.newsroom.gateway.page;

import java.util.List;

import org.newsroom.gateway.contract.Answer;
import org.newsroom.gateway.contract.ArticleSummary;
import org.newsroom.gateway.contract.TopList;

/**
 * The home page's content: the latest articles of each section that has any, and the Top list.
 * Parts that could not be fetched are named in {@code degraded}.
 */
public record FrontPage(List<Section> sections, Answer<TopList> top, List<String> degraded) {

	/** The same page with a stand-in Top list when its own could not be fetched or has nothing yet. */
	public FrontPage withTopIfMissing(Answer<TopList> standIn) {
		return !PageComposer.needsStandIn(top) || standIn == null ? this : new FrontPage(sections, standIn, degraded);
	}

	/** A section's newest published articles, newest first. */
	public record Section(String name, List<ArticleSummary> articles) {
	}
}
