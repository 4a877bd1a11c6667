package org.newsroom.gateway.page;

import java.util.List;

import org.newsroom.gateway.contract.Answer;
import org.newsroom.gateway.contract.ArticleSummary;
import org.newsroom.gateway.contract.TopList;

/**
 * One page of a list of published articles, newest first: a section's, a tag's or a search's
 * ({@link PageComposer#listPage}), with the Top list beside it. {@code nextCursor} asks
 * article-service for the next, older page (null on the last). The list itself is the page: it
 * is never degraded; only {@code top} can be (named in {@code degraded}).
 */
public record ListPage(List<Answer<ArticleSummary>> items, String nextCursor, Answer<TopList> top,
		List<String> degraded) {

	/** Articles per page of a section, tag or search. */
	public static final int SIZE = 20;

	/** The same page with a stand-in Top list when its own could not be fetched or has nothing yet. */
	public ListPage withTopIfMissing(Answer<TopList> standIn) {
		return !PageComposer.needsStandIn(top) || standIn == null ? this : new ListPage(items, nextCursor, standIn, degraded);
	}

	/** What a list page lists: article-service's list parameter ({@code section}, {@code tag}, {@code q}) and its value. */
	public record Filter(String parameter, String value) {

		public static Filter section(String name) {
			return new Filter("section", name);
		}

		public static Filter tag(String tag) {
			return new Filter("tag", tag);
		}

		public static Filter search(String query) {
			return new Filter("q", query);
		}
	}
}
