package org.newsroom.ranking;

import org.junit.jupiter.api.Test;
import org.newsroom.platform.test.ApiDocumentCheck;

/**
 * The API document ranking-service serves is the committed docs/openapi/ranking-service.json
 * (the contract clients generate from and the e2e suite validates every answer against), the
 * beacon included, and keeps the platform's rules for documents (ApiDocumentCheck).
 */
class ApiDocumentTest extends RankingServiceTest {

	@Test
	void theServedDocumentIsTheCommittedContract() {
		String served = http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		ApiDocumentCheck.check(served, "ranking-service");
	}
}
