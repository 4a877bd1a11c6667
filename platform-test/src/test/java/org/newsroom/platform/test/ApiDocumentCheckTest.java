package org.newsroom.platform.test;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules ApiDocumentCheck holds every API document to, on documents that break them. */
class ApiDocumentCheckTest {

	private static final String GOOD_OPERATION = """
			{"operationId": "getArticle", "summary": "Read an article", "tags": ["Articles"],
			 "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {"type": "object"}}}},
			               "404": {"description": "Not found", "content": {"application/problem+json": {"schema": {"type": "object"}}}}}}""";

	@Test
	void aDocumentThatKeepsTheRulesHasNoFaults() {
		assertThat(ApiDocumentCheck.faults(document("\"/api/articles/{id}\": {\"get\": " + GOOD_OPERATION + "}"))).isEmpty();
	}

	@Test
	void springdocsDefaultsAndTheFrameworksInsidesAreFaults() {
		String served = """
				{"openapi": "3.0.1", "info": {"title": "OpenAPI definition", "version": "v0"},
				 "servers": [{"url": "http://localhost:8081", "description": "Generated server url"}],
				 "paths": {
				   "/error": {"get": %s},
				   "/api/articles": {"get": {"operationId": "list_1", "tags": ["listing-controller"],
				     "responses": {"200": {"description": "OK", "content": {"*/*": {"schema": {"type": "object"}}}}}}}},
				 "components": {"schemas": {"JsonNode": {"type": "object"}, "Part": {"type": "object"}}}}
				""".formatted(GOOD_OPERATION);
		assertThat(ApiDocumentCheck.faults(served)).containsExactlyInAnyOrder(
				"info.title is springdoc's default",
				"info.version is not the project's",
				"servers must be the gateway only: [{\"url\":\"http://localhost:8081\",\"description\":\"Generated server url\"}]",
				"/error is not part of the API",
				"GET /api/articles is tagged with a class name",
				"GET /api/articles has no operationId of its own",
				"GET /api/articles has no summary",
				"GET /api/articles documents no 4xx problem answer",
				"document > paths > /api/articles > get > responses > 200 answers */*",
				"components.schemas.JsonNode is a framework type, not the API's",
				"components.schemas.Part is a framework type, not the API's");
	}

	private static String document(String paths) {
		return """
				{"openapi": "3.0.1", "info": {"title": "Articles API", "version": "0.1.0"},
				 "servers": [{"url": "http://localhost:8080"}], "paths": {%s}}""".formatted(paths);
	}
}
