package org.newsroom.article;

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
 * Requests Tomcat refuses before any servlet runs, sent byte for byte on a socket (an HTTP
 * client would encode them): they get the platform's problem+json, not Tomcat's HTML page, even
 * when the service is reached without the gateway.
 */
class UnreadableRequestTest extends ArticleServiceTest {

	@LocalServerPort
	int port;

	@ParameterizedTest
	@ValueSource(strings = { "GET /api/articles?q=<script>alert(1)</script> HTTP/1.1",
			"GET /api/articles?section={\"$ne\":null} HTTP/1.1", "GET /api/articles/slug/a|b HTTP/1.1",
			"GET /api/articles/\"quoted\" HTTP/1.1" })
	void aRequestTargetWithCharactersThatMustBeEncodedGetsAProblem(String requestLine) throws IOException {
		String answer = send(requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n");

		assertThat(answer).startsWith("HTTP/1.1 400 ");
		assertThat(answer).containsIgnoringCase("Content-Type: application/problem+json");
		String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
		assertThat(body).contains("\"type\":\"urn:newsroom:problem:bad-request\"", "\"status\":400",
				"percent-encoded");
		assertThat(body).doesNotContainIgnoringCase("tomcat").doesNotContain("<html", "Exception", "RFC 7230");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Bad Header: x", "X-Broken\u0001: x" })
	void aBrokenHeaderGetsAProblem(String header) throws IOException {
		String answer = send("GET /api/articles HTTP/1.1\r\nHost: localhost\r\n" + header + "\r\nConnection: close\r\n\r\n");

		assertThat(answer).startsWith("HTTP/1.1 400 ");
		assertThat(answer).containsIgnoringCase("Content-Type: application/problem+json");
		assertThat(answer).doesNotContainIgnoringCase("tomcat").doesNotContain("<html");
	}

	/**
	 * Parameter names Spring Security's firewall will not pass on (U+9EF5F and U+40000, unassigned;
	 * U+FFFF and U+10FFFF, noncharacters): a 400 problem that does not echo them, never a 500.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "/api/articles?%F2%9E%BD%9F=", "/api/articles?%EF%BF%BF=", "/api/articles?%F4%8F%BF%BF=",
			"/api/articles?section=world&%F1%80%80%80=", "/api/articles/summaries?%EF%BF%BF=" })
	void aParameterNameOfUnassignedCodePointsIsABadRequest(String target) throws IOException {
		String answer = send("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

		RawHttp.assertProblem(answer, 400, "bad-request");
		assertThat(RawHttp.body(answer)).contains("not accepted").doesNotContain("\uFFFF", "Exception", "firewall");
	}

	@Test
	void noQueryStringIsAServerError() throws IOException {
		List<String> queries = OddQueryStrings.random(18, 150,
				List.of("section", "tag", "source", "author", "q", "size", "cursor", "ids"));
		OddQueryStrings.assertNeverAServerError(port, "/api/articles", queries);
		OddQueryStrings.assertNeverAServerError(port, "/api/articles/summaries", queries.subList(0, 50));
		OddQueryStrings.assertNeverAServerError(port, "/feeds/rss.xml", queries.subList(50, 80));
	}

	private String send(String request) throws IOException {
		return RawHttp.send(port, request);
	}
}
