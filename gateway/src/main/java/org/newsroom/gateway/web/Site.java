package org.newsroom.gateway.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The paper as every page shows it: its name and public address (titles, canonical links), its
 * letters page, and the sections the navigation links to, in the paper's order (the same list
 * article-service is configured with, WebProperties#sections).
 */
public record Site(String name, String baseUrl, String lettersUrl, List<SectionLink> sections) {

	static Site of(WebProperties settings, String publicBaseUrl) {
		List<SectionLink> sections = new ArrayList<>();
		for (String section : settings.sections()) {
			sections.add(new SectionLink(section, title(section)));
		}
		return new Site(settings.siteName(), publicBaseUrl.replaceAll("/+$", ""),
				ArticleView.webLink(settings.lettersUrl()), List.copyOf(sections));
	}

	/** The section as readers see it named ("world" is "World"). */
	static String title(String section) {
		return section.isEmpty() ? section : section.substring(0, 1).toUpperCase(Locale.ROOT) + section.substring(1);
	}

	/** Whether {@code name} is one of the paper's sections. */
	boolean hasSection(String name) {
		return sections.stream().anyMatch(section -> section.name().equals(name));
	}

	/** The address of the paper's logo, for structured data (a raster image, as Google asks for publishers). */
	public String logoUrl() {
		return baseUrl + "/assets/logo.png";
	}

	/** A section in the navigation. */
	public record SectionLink(String name, String title) {
	}
}
