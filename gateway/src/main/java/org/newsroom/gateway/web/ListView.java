package org.newsroom.gateway.web;

import java.time.ZoneId;
import java.util.List;

import org.newsroom.gateway.page.ListPage;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the list template shows for a section's, a tag's or a search's page: its title, the
 * stories, the link to older ones (the cursor article-service gave), the Top list, and the
 * section's own feeds for autodiscovery. A search keeps its query for the box.
 *
 * @param kind {@code section}, {@code tag} or {@code search}
 * @param name the section's or tag's name, or the query
 * @param later whether this is a page after the first (reached with a cursor)
 * @param problem a message shown instead of results (a query the list refuses), or null
 */
record ListView(String kind, String name, String title, String path, List<FrontPageView.Headline> headlines,
		String olderLink, boolean later, List<ArticleView.TopEntry> top, List<String> degraded, String problem) {

	static ListView of(String kind, String name, String title, String path, ListPage page, boolean later, ZoneId zone) {
		String older = null;
		if (page.nextCursor() != null) {
			UriComponentsBuilder link = UriComponentsBuilder.fromPath(path);
			if (kind.equals("search")) {
				link.queryParam("q", "{q}");
			}
			link.queryParam("cursor", "{cursor}");
			older = (kind.equals("search") ? link.encode().buildAndExpand(name, page.nextCursor())
					: link.encode().buildAndExpand(page.nextCursor())).toUriString();
		}
		return new ListView(kind, name, title, path, FrontPageView.Headline.list(page.items(), zone), older, later,
				ArticleView.TopEntry.list(page.top()), page.degraded(), null);
	}

	/** The search page before a search (no query), or with a query the list refuses. */
	static ListView searchOnly(String query, String problem) {
		return new ListView("search", query, "Search", "/search", List.of(), null, false, List.of(), List.of(), problem);
	}

	/** Whether a search was made (the page shows results or "no results"). */
	public boolean searched() {
		return kind.equals("search") && name != null && !name.isBlank() && problem == null;
	}
}
