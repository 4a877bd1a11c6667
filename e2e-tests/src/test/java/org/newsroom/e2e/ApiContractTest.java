package org.newsroom.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ApiContract, without the stack: the committed documents accept an answer they describe and
 * refuse one with an undocumented status, field, null, header or content type; answers any
 * request may get (the documents' components.responses) pass where they can occur and nowhere
 * else; a request the document refuses must not succeed.
 */
class ApiContractTest {

	private static final String ID = "6752a1f0c3b9e54d2a1b7c90";

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

	private static final String PROBLEM = """
			{"type": "urn:newsroom:problem:%s", "title": "%s", "status": %d, "detail": "Refused."}""";

	private static final ApiContract.Contract ARTICLES = ApiContract.contractOf(read("article-service"));

	private static final ApiContract.Contract MEDIA = ApiContract.contractOf(read("media-service"));

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

	/** 406, 414, 431, 413 come from the edge or Spring on any operation; each operation lists them. */
	@Test
	void theEdgesAnswersPassOnEveryOperation() {
		for (int status : List.of(400, 406, 413, 414, 429, 431, 503, 504)) {
			assertThat(faults(status, "application/problem+json", problem("refused", "Refused", status)))
				.as("%d on GET an article", status).isEmpty();
		}
		assertThat(ApiContract.faults(ARTICLES, "POST", "/api/articles/" + ID + "/publish", null, Map.of(), null,
				answer(431, "application/problem+json", problem("headers-too-large", "Headers too large", 431)), null,
				false)).isEmpty();
		assertThat(faults(431, "text/html", "<h1>too large</h1>")).as("still a problem document").isNotEmpty();
		assertThat(faults(500, "application/problem+json", problem("internal-error", "Internal error", 500)))
			.as("a defect is no documented answer").isNotEmpty();
		assertThat(faults(405, "application/problem+json", problem("method-not-allowed", "Method not allowed", 405)))
			.as("GET is an operation of the path: no 405 for it").isNotEmpty();
	}

	/** HEAD and OPTIONS are in the document; OPTIONS names exactly the path's methods. */
	@Test
	void headAndOptionsAreDocumented() {
		assertThat(ApiContract.faults(ARTICLES, "HEAD", "/api/articles/" + ID, null, Map.of(), null,
				new Client.Response(200, Map.of("Content-Type", List.of("application/json"), "ETag", List.of("\"3\"")), ""),
				null, true)).isEmpty();
		Client.Response options = new Client.Response(200, Map.of("Allow", List.of("GET,HEAD,PUT,DELETE,OPTIONS")), "");
		assertThat(ApiContract.faults(ARTICLES, "OPTIONS", "/api/articles/" + ID, null, Map.of(), null, options, null,
				true)).isEmpty();
		Client.Response tooMany = new Client.Response(200, Map.of("Allow", List.of("GET,HEAD,PUT,PATCH,DELETE,OPTIONS")), "");
		assertThat(ApiContract.faults(ARTICLES, "OPTIONS", "/api/articles/" + ID, null, Map.of(), null, tooMany, null,
				true)).singleElement().asString().contains("PATCH");
		Client.Response summaries = new Client.Response(200, Map.of("Allow", List.of("GET,HEAD,OPTIONS")), "");
		assertThat(ApiContract.faults(ARTICLES, "OPTIONS", "/api/articles/summaries", null, Map.of(), null, summaries,
				null, true)).isEmpty();
	}

	/** A method a path does not have is a 405 naming what it has (or another answer any request may get). */
	@Test
	void aMethodThePathDoesNotHaveIsA405WithAllow() {
		Client.Response named = new Client.Response(405, Map.of("Content-Type", List.of("application/problem+json"),
				"Allow", List.of("GET, HEAD, OPTIONS")), problem("method-not-allowed", "Method not allowed", 405));
		assertThat(ApiContract.faults(ARTICLES, "POST", "/api/articles/summaries", null, Map.of(), null, named, null,
				false)).isEmpty();
		Client.Response withoutHead = new Client.Response(405, Map.of("Content-Type", List.of("application/problem+json"),
				"Allow", List.of("GET, OPTIONS")), problem("method-not-allowed", "Method not allowed", 405));
		assertThat(ApiContract.faults(ARTICLES, "POST", "/api/articles/summaries", null, Map.of(), null, withoutHead,
				null, false)).singleElement().asString().contains("HEAD");
		Client.Response noAllow = new Client.Response(405, Map.of("Content-Type", List.of("application/problem+json")),
				problem("method-not-allowed", "Method not allowed", 405));
		assertThat(ApiContract.faults(ARTICLES, "PATCH", "/api/articles/" + ID, null, Map.of(), null, noAllow, null,
				false)).isNotEmpty();
		assertThat(ApiContract.faults(ARTICLES, "TRACE", "/api/articles", null, Map.of(), null,
				answer(200, "message/http", "TRACE /api/articles HTTP/1.1"), null, false))
			.as("TRACE answered with success").isNotEmpty();
		assertThat(ApiContract.faults(ARTICLES, "FOO", "/api/articles", null, Map.of(), null,
				answer(400, "application/problem+json", problem("bad-request", "Bad request", 400)), null, false)).isEmpty();
	}

	/** A path no document lists: only a problem document with a status from components.responses. */
	@Test
	void aPathNoDocumentListsGetsOnlyAGenericProblem() {
		assertThat(ApiContract.anyPathFaults(ARTICLES, "GET", "/api/articles/slug/../../etc/passwd",
				answer(400, "application/problem+json", problem("bad-request", "Bad request", 400)), "hostile")).isEmpty();
		assertThat(ApiContract.anyPathFaults(ARTICLES, "GET", "/api/nothing",
				answer(404, "application/problem+json", problem("not-found", "Not found", 404)), "unknown")).isEmpty();
		assertThat(ApiContract.anyPathFaults(ARTICLES, "GET", "/api/nothing",
				answer(404, "text/html", "<h1>Not found</h1>"), "unknown")).singleElement().asString()
			.contains("application/problem+json");
		assertThat(ApiContract.anyPathFaults(ARTICLES, "GET", "/api/nothing",
				answer(200, "application/json", "{}"), "unknown")).singleElement().asString().contains("not 200");
		assertThat(ApiContract.anyPathFaults(ARTICLES, "GET", "/api/nothing",
				answer(404, "application/problem+json", "{\"type\": \"urn:newsroom:problem:not-found\", \"extra\": 1}"),
				"unknown")).as("the Problem schema holds").isNotEmpty();
		assertThat(ApiContract.faults(ARTICLES, "GET", "/api/articles/a/b/c/d", null, Map.of(), null,
				answer(404, "application/problem+json", problem("not-found", "Not found", 404)), null, false)).isEmpty();
	}

	/** Path ids have the services' pattern: a request outside it must be refused, never answered 200. */
	@Test
	void aRequestTheDocumentRefusesMustNotSucceed() {
		assertThat(ApiContract.faults(ARTICLES, "GET", "/api/articles/not-an-id", null, Map.of(), null,
				answer(400, "application/problem+json", problem("invalid-input", "Bad request", 400)), null, true)).isEmpty();
		assertThat(ApiContract.faults(ARTICLES, "GET", "/api/articles/not-an-id", null, Map.of(), null,
				answer(200, "application/json", ARTICLE), null, true)).isNotEmpty()
			.allMatch(fault -> fault.contains("would refuse this request"));
		assertThat(ApiContract.faults(ARTICLES, "GET", "/api/articles/slug/" + "a".repeat(201), null, Map.of(), null,
				answer(200, "application/json", ARTICLE), null, true)).isNotEmpty();
		assertThat(ApiContract.faults(ARTICLES, "GET", "/api/articles", "size=500", Map.of(), null,
				answer(200, "application/json", "{\"items\": [], \"nextCursor\": null}"), null, true)).isNotEmpty();
		assertThat(ApiContract.faults(ARTICLES, "POST", "/api/articles", null,
				Map.of("Content-Type", List.of("application/json"), "Authorization", List.of("Bearer x")),
				"{\"headline\": \"Ferries run\", \"section\": \"national\"}",
				answer(201, "application/json", ARTICLE), null, true)).as("a body the document accepts").isEmpty();
		assertThat(ApiContract.faults(ARTICLES, "POST", "/api/articles", null,
				Map.of("Content-Type", List.of("application/json"), "Authorization", List.of("Bearer x")),
				"{\"headline\": \"Ferries run\", \"section\": \"national\", \"status\": \"PUBLISHED\"}",
				answer(201, "application/json", ARTICLE), null, true)).as("a field the document does not have")
			.isNotEmpty();
		assertThat(ApiContract.faults(MEDIA, "GET", "/api/media/" + "A".repeat(24), null, Map.of(), null,
				answer(404, "application/problem+json", problem("photo-not-found", "Photo not found", 404)), null, true))
			.as("a photo id outside the pattern is a documented 404").isEmpty();
	}

	@Test
	void aPhotosBytesAndItsUploadAreChecked() {
		byte[] jpeg = { (byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16 };
		Client.Response rendition = new Client.Response(200, Map.of("Content-Type", List.of("image/jpeg"),
				"ETag", List.of("\"r1\"")), "");
		assertThat(ApiContract.faults(MEDIA, "GET", "/api/media/" + ID + "/renditions/thumb", null, Map.of(), null,
				rendition, jpeg, true)).isEmpty();
		assertThat(ApiContract.faults(MEDIA, "GET", "/api/media/" + ID + "/renditions/poster", null, Map.of(), null,
				rendition, jpeg, true)).as("no such rendition in the document, yet 200").isNotEmpty();
		Client.Response html = new Client.Response(200, Map.of("Content-Type", List.of("text/html")), "");
		assertThat(ApiContract.faults(MEDIA, "GET", "/api/media/" + ID + "/renditions/thumb", null, Map.of(), null,
				html, "<p>".getBytes(StandardCharsets.UTF_8), true)).isNotEmpty();
	}

	/** A page whose article has no lead photo, whose Top 10 and related articles are not there yet. */
	@Test
	void aPageCompositeWithItsNullPartsPasses() {
		ApiContract.Contract pages = ApiContract.contractOf(read("gateway"));
		String page = "{\"article\": " + ARTICLE + ", \"leadImage\": null, \"top\": null, \"related\": null, "
				+ "\"degraded\": [\"top\", \"related\"]}";
		assertThat(ApiContract.faults(pages, "GET", "/api/pages/articles/ferries-run", null, Map.of(), null,
				answer(200, "application/json", page), null, true)).isEmpty();
		assertThat(ApiContract.faults(pages, "GET", "/api/pages/articles/ferries-run", null, Map.of(), null,
				answer(200, "application/json", page.replace("\"degraded\": [", "\"degraded\": [\"article\", ")), null,
				true)).as("degraded names only the parts that may be missing").isNotEmpty();
		assertThat(ApiContract.faults(pages, "GET", "/api/pages/sections/World%20News", null, Map.of(), null,
				answer(200, "application/json", "{}"), null, true)).as("a section name outside the pattern").isNotEmpty();
	}

	private static List<String> faults(int status, String contentType, String body) {
		Map<String, List<String>> headers = contentType == null ? Map.of() : Map.of("Content-Type", List.of(contentType));
		return ApiContract.faults(ARTICLES, "GET", "/api/articles/" + ID, null, Map.of(), null,
				new Client.Response(status, headers, body), null, false);
	}

	private static Client.Response answer(int status, String contentType, String body) {
		return new Client.Response(status, Map.of("Content-Type", List.of(contentType)), body);
	}

	private static String problem(String type, String title, int status) {
		return PROBLEM.formatted(type, title, status);
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
