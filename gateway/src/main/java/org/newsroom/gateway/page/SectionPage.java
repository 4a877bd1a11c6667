package org.newsroom.gateway.page;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.newsroom.gateway.contract.Answer;
import org.newsroom.gateway.contract.ArticleSummary;
import org.newsroom.gateway.contract.TopList;

/**
 * {@code GET /api/pages/sections/{name}}: a section screen for an app in one answer, the same
 * {@code degraded} semantics as the article page ({@link ArticlePage}).
 */
@Schema(description = "A section screen in one answer: one page of the section's articles, newest first, and the Top 10")
public record SectionPage(@Schema(example = "world") String section,
		@ArraySchema(schema = @Schema(type = "object", description = "An item of GET /api/articles, as article-service sent it")) List<Answer<ArticleSummary>> items,
		@Schema(nullable = true, description = "Pass as ?cursor= for the next, older page; null on the last page") String nextCursor,
		@Schema(nullable = true, description = "ranking-service's Top list as it answered; null when it could not be fetched (named in degraded)") Answer<TopList> top,
		@ArraySchema(schema = @Schema(example = "top"),
				arraySchema = @Schema(description = "Parts left out because their service did not answer: top")) List<String> degraded) {

	static SectionPage of(String section, ListPage page) {
		return new SectionPage(section, page.items(), page.nextCursor(), page.top(), page.degraded());
	}
}
