package org.newsroom.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ApiContract, without the stack: the committed articles document accepts an answer it
 * describes and refuses one with an undocumented status, field, null or content type.
 */
class ApiContractTest {

	private static final String ARTICLE = """
			{"id": "6752a1f0c3b9e54d2a1b7c90", "slug": "ferries-run", "headline": "Ferries run", "deck": null,
			 "summary": null, "body": [{"type": "paragraph", "text": "On time."}], "section": "national",
			 "tags": [], "byline": [], "source": null, "dateline": null, "language": "en", "leadMediaId": null,
			 "relatedIds": [], "status": "PUBLISHED", "publishAt": null, "embargoUntil": null,
			 "firstPublishedAt": "2026-12-07T00:00:00.123456Z", "updatedAt": "2026-12-07T00:00:00Z", "version": 1,
			 "corrections": [], "links": {"self": "http://localhost:8080/api/articles/6752a1f0c3b9e54d2a1b7c90",
			 "web": "http://localhost:8080/news/ferries-run"},
			 "share": {"facebook": "https://f", "x": "https://x", "email": "mailto:", "link": "http://l"},
			 "seo": {"title": "Ferries run", "description": "On time.", "canonicalUrl": "http://l", "ogImage": null,
			         "jsonLd": {"@type": "NewsArticle", "headline": "Ferries run"}}}""";

	private static final OpenApiInteractionValidator ARTICLES = ApiContract.validatorOf(read("article-service"));

	@Test
	void anAnswerTheDocumentDescribesPasses() {
		assertThat(faults(200, "application/json", ARTICLE)).isEmpty();
		assertThat(faults(404, "application/problem+json", """
				{"type": "urn:newsroom:problem:article-not-found", "title": "Article not found", "status": 404,
				 "detail": "No such article.", "instance": "/api/articles/6752a1f0c3b9e54d2a1b7c90"}""")).isEmpty();
		assertThat(faults(304, null, "")).isEmpty();
	}

	@Test
	void anUndocumentedStatusFieldNullOrContentTypeFails() {
		assertThat(faults(418, "application/problem+json", "{}")).singleElement().asString()
			.startsWith("validation.response.status.unknown");
		assertThat(faults(200, "application/json", ARTICLE.replace("\"version\": 1,", "\"version\": 1, \"secret\": 1,")))
			.singleElement().asString().contains("secret");
		assertThat(faults(200, "application/json", ARTICLE.replace("\"headline\": \"Ferries run\", \"deck\"",
				"\"headline\": null, \"deck\""))).isNotEmpty();
		assertThat(faults(200, "text/html", "<p>Ferries run</p>")).singleElement().asString()
			.startsWith("validation.response.contentType.notAllowed");
		assertThat(faults(404, "application/problem+json", "{\"type\": \"urn:newsroom:problem:not-found\"}"))
			.as("title and status are required").isNotEmpty();
	}

	/** A page whose article has no lead photo, whose Top 10 and related articles are not there yet. */
	@Test
	void aPageCompositeWithItsNullPartsPasses() {
		OpenApiInteractionValidator pages = ApiContract.validatorOf(read("gateway"));
		String page = "{\"article\": " + ARTICLE + ", \"leadImage\": null, \"top\": null, \"related\": null, "
				+ "\"degraded\": [\"top\", \"related\"]}";
		assertThat(ApiContract.faults(pages, "GET", "/api/pages/articles/ferries-run",
				new Client.Response(200, Map.of("Content-Type", List.of("application/json")), page))).isEmpty();
		assertThat(ApiContract.faults(pages, "GET", "/api/pages/articles/ferries-run",
				new Client.Response(200, Map.of("Content-Type", List.of("application/json")),
						page.replace("\"degraded\": [", "\"degraded\": [\"article\", "))))
			.as("degraded names only the parts that may be missing").isNotEmpty();
	}

	private static List<String> faults(int status, String contentType, String body) {
		Map<String, List<String>> headers = contentType == null ? Map.of() : Map.of("Content-Type", List.of(contentType));
		return ApiContract.faults(ARTICLES, "GET", "/api/articles/6752a1f0c3b9e54d2a1b7c90",
				new Client.Response(status, headers, body));
	}

	private static String read(String name) {
		try {
			return Files.readString(Path.of("..", "docs", "openapi", name + ".json"));
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}
}
