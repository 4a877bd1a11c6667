package org.newsroom.gateway.web;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.newsroom.gateway.contract.Answer;
import org.newsroom.gateway.contract.ArticleSummary;
import org.newsroom.gateway.page.FrontPage;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.newsroom.gateway.web.PageText.moment;
import static org.newsroom.gateway.web.PageText.text;

/**
 * What the home page template shows: each section's latest headlines and the Top list, with the
 * page's description and structured data (schema.org WebSite, the paper as Organization with its
 * logo, and an ItemList of the stories shown, in the order shown).
 */
record FrontPageView(List<Section> sections, List<ArticleView.TopEntry> top, List<String> degraded, String description,
		String jsonLd) {

	static FrontPageView of(FrontPage page, ZoneId zone, Site site, JsonMapper json) {
		List<Section> sections = new ArrayList<>();
		for (FrontPage.Section section : page.sections()) {
			List<Headline> headlines = Headline.list(section.articles(), zone);
			if (!headlines.isEmpty()) {
				sections.add(new Section(section.name(), Site.title(section.name()), headlines));
			}
		}
		return new FrontPageView(sections, ArticleView.TopEntry.list(page.top()), page.degraded(), description(site),
				JsonLd.script(structuredData(site, sections, json), json));
	}

	/** "The latest news from The Newsroom: National, World, Business and more." */
	private static String description(Site site) {
		List<String> titles = site.sections().stream().map(Site.SectionLink::title).limit(4).toList();
		return "The latest news from " + site.name() + (titles.isEmpty() ? "." : ": " + String.join(", ", titles)
				+ (site.sections().size() > titles.size() ? " and more." : "."));
	}

	private static ObjectNode structuredData(Site site, List<Section> sections, JsonMapper json) {
		ObjectNode root = json.createObjectNode();
		root.put("@context", "https://schema.org");
		ArrayNode graph = root.putArray("@graph");
		String home = site.baseUrl() + "/";
		ObjectNode organization = graph.addObject();
		organization.put("@type", "NewsMediaOrganization");
		organization.put("@id", home + "#organization");
		organization.put("name", site.name());
		organization.put("url", home);
		ObjectNode logo = organization.putObject("logo");
		logo.put("@type", "ImageObject");
		logo.put("url", site.logoUrl());
		logo.put("width", Logo.WIDTH);
		logo.put("height", Logo.HEIGHT);
		ObjectNode website = graph.addObject();
		website.put("@type", "WebSite");
		website.put("@id", home + "#website");
		website.put("name", site.name());
		website.put("url", home);
		website.putObject("publisher").put("@id", home + "#organization");
		ObjectNode search = website.putObject("potentialAction");
		search.put("@type", "SearchAction");
		search.put("target", site.baseUrl() + "/search?q={search_term_string}");
		search.put("query-input", "required name=search_term_string");
		ObjectNode list = graph.addObject();
		list.put("@type", "ItemList");
		ArrayNode items = list.putArray("itemListElement");
		int position = 0;
		for (Section section : sections) {
			for (Headline headline : section.headlines()) {
				ObjectNode item = items.addObject();
				item.put("@type", "ListItem");
				item.put("position", ++position);
				item.put("url", site.baseUrl() + "/news/" + headline.slug());
				item.put("name", headline.headline());
			}
		}
		return root;
	}

	record Section(String name, String title, List<Headline> headlines) {
	}

	/**
	 * A story in a list. {@code thumbnail} is its lead photo's {@code small} rendition (640 wide);
	 * the page draws it in a 16:10 box (width and height given, object-fit: cover), so the layout
	 * does not move when it loads, whatever the photo's own proportions.
	 */
	record Headline(String slug, String headline, String summary, PageText.Moment published, String thumbnail) {

		static List<Headline> list(List<Answer<ArticleSummary>> articles, ZoneId zone) {
			List<Headline> headlines = new ArrayList<>();
			for (Answer<ArticleSummary> answer : articles) {
				ArticleSummary article = answer.read();
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
			return headlines;
		}
	}
}
