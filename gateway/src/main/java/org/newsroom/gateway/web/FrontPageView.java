package org.newsroom.gateway.web;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.newsroom.gateway.contract.ArticleSummary;
import org.newsroom.gateway.page.FrontPage;

import static org.newsroom.gateway.web.PageText.moment;
import static org.newsroom.gateway.web.PageText.text;

/** What the home page template shows: each section's latest headlines and the Top list. */
record FrontPageView(List<Section> sections, List<ArticleView.TopEntry> top, List<String> degraded) {

	static FrontPageView of(FrontPage page, ZoneId zone) {
		List<Section> sections = new ArrayList<>();
		for (FrontPage.Section section : page.sections()) {
			List<Headline> headlines = new ArrayList<>();
			for (ArticleSummary article : section.articles()) {
				String slug = text(article.slug());
				String headline = text(article.headline());
				if (slug != null && headline != null) {
					String leadMediaId = text(article.leadMediaId());
					headlines.add(new Headline(slug, headline, text(article.summary()),
							moment(article.firstPublishedAt(), zone),
							leadMediaId != null && leadMediaId.matches("[0-9a-f]{24}")
									? "/api/media/" + leadMediaId + "/renditions/small" : null));
				}
			}
			if (!headlines.isEmpty()) {
				sections.add(new Section(section.name(), title(section.name()), headlines));
			}
		}
		return new FrontPageView(sections, ArticleView.TopEntry.list(page.top()), page.degraded());
	}

	private static String title(String name) {
		return name.isEmpty() ? name : name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
	}

	record Section(String name, String title, List<Headline> headlines) {
	}

	record Headline(String slug, String headline, String summary, PageText.Moment published, String thumbnail) {
	}
}
