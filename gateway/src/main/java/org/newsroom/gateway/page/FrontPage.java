package org.newsroom.gateway.page;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.newsroom.gateway.contract.Answer;
import org.newsroom.gateway.contract.ArticleSummary;
import org.newsroom.gateway.contract.TopList;

/**
 * The home page's content, and {@code GET /api/pages/home} for apps: the latest articles of each
 * section that has any (article-service's list items, as sent), and the Top list. Parts that
 * could not be fetched are named in {@code degraded} ({@code section:<name>}, {@code top}).
 */
@Schema(name = "HomePage", description = "The home screen in one answer: each section's latest articles and the Top 10")
public record FrontPage(
		@ArraySchema(schema = @Schema(implementation = Section.class),
				arraySchema = @Schema(description = "Sections that have published articles, in the paper's order")) List<Section> sections,
		@Schema(nullable = true, description = "ranking-service's Top list as it answered; null when it could not be fetched (named in degraded)") Answer<TopList> top,
		@ArraySchema(schema = @Schema(example = "section:world"),
				arraySchema = @Schema(description = "Parts left out because their service did not answer: top, section:<name>")) List<String> degraded) {

	/** The same page with a stand-in Top list when its own could not be fetched or has nothing yet. */
	public FrontPage withTopIfMissing(Answer<TopList> standIn) {
		return !PageComposer.needsStandIn(top) || standIn == null ? this : new FrontPage(sections, standIn, degraded);
	}

	/** A section's newest published articles, newest first (article-service's list items, as sent). */
	@Schema(name = "HomeSection")
	public record Section(@Schema(example = "world") String name,
			@ArraySchema(schema = @Schema(type = "object", description = "An item of GET /api/articles, as article-service sent it")) List<Answer<ArticleSummary>> articles) {
	}
}
