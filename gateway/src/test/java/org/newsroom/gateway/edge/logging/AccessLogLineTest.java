package org.newsroom.gateway.edge.logging;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The access log's hand-written JSON must be JSON a parser reads back to the same values. */
class AccessLogLineTest {

	@Test
	void aPathWithQuotesBackslashesControlCharactersAndKoreanReadsBackExactly() {
		String path = "/news/\"quoted\"\\back\u0001\ttab\u2028한국";
		String line = AccessLog.line(new AccessLog.Entry(Instant.parse("2026-12-06T10:00:00Z"), "GET", path, 404, 3,
				"req-12345678", null, "203.0.113.7", null));
		assertThat(line).doesNotContain("\n", "\u2028", "\u0001");
		JsonNode read = JsonMapper.builder().build().readTree(line);
		assertThat(read.path("path").asString()).isEqualTo(path);
		assertThat(read.path("status").asInt()).isEqualTo(404);
		assertThat(read.path("traceId").isNull()).isTrue();
		assertThat(read.has("route")).isFalse();
		assertThat(read.path("@timestamp").asString()).isEqualTo("2026-12-06T10:00:00Z");
	}
}
