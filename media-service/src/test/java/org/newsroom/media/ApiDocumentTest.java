package org.newsroom.media;

import org.junit.jupiter.api.Test;
import org.newsroom.platform.test.ApiDocumentCheck;

/**
 * The API document media-service serves is the committed docs/openapi/media-service.json
 * (the contract clients generate from and the e2e suite validates every answer against) and
 * keeps the platform's rules for documents (ApiDocumentCheck).
 */
class ApiDocumentTest extends MediaApiTest {

	@Test
	void theServedDocumentIsTheCommittedContract() {
		String served = http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		ApiDocumentCheck.check(served, "media-service");
	}
}
