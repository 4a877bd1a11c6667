package org.newsroom.e2e;

import java.util.List;

import tools.jackson.databind.node.ObjectNode;

/** Articles the drills write: a headline and just enough content to be publishable. */
final class Drafts {

	private Drafts() {
	}

	static ObjectNode article(String headline) {
		return article(headline, null, List.of());
	}

	static ObjectNode article(String headline, String leadMediaId, List<String> relatedIds) {
		ObjectNode article = Client.JSON.createObjectNode()
			.put("headline", headline)
			.put("section", "national")
			.put("summary", "Written by the drills.")
			.put("source", "Yonhap");
		article.putArray("byline").add("Drill Desk");
		article.putArray("body").addObject().put("type", "paragraph").put("text", "Ferries kept to their timetable.");
		if (leadMediaId != null) {
			article.put("leadMediaId", leadMediaId);
		}
		if (!relatedIds.isEmpty()) {
			var related = article.putArray("relatedIds");
			relatedIds.forEach(related::add);
		}
		return article;
	}
}
