package org.newsroom.ranking;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.newsroom.platform.test.OddQueryStrings;
import org.newsroom.platform.test.RawHttp;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Query strings Spring Security's firewall will not pass on, sent byte for byte to the service
 * without the gateway in front: a 400 problem, never a 500 (issue 18).
 */
class UnreadableRequestTest extends RankingServiceTest {

	@LocalServerPort
	int port;

	/** U+FFFF, U+10FFFF and U+40000 (a noncharacter, the last code point, an unassigned plane). */
	@ParameterizedTest
	@ValueSource(strings = { "/api/rankings/top?%EF%BF%BF=", "/api/rankings/top?%F4%8F%BF%BF=",
			"/api/rankings/top?%F1%80%80%80=", "/api/rankings/trending?window=24h&%EF%BF%BF=1" })
	void aParameterNameOfUnassignedCodePointsIsABadRequest(String target) throws IOException {
		String answer = RawHttp.send(port, "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

		RawHttp.assertProblem(answer, 400, "bad-request");
		assertThat(RawHttp.body(answer)).contains("not accepted").doesNotContain("\uFFFF", "Exception", "firewall");
	}

	@Test
	void noQueryStringIsAServerError() throws IOException {
		List<String> queries = OddQueryStrings.random(18, 150, List.of("window", "section", "limit"));
		OddQueryStrings.assertNeverAServerError(port, "/api/rankings/top", queries);
		OddQueryStrings.assertNeverAServerError(port, "/api/rankings/trending", queries.subList(0, 50));
	}
}
