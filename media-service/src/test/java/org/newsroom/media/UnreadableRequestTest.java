package org.newsroom.media;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.newsroom.platform.test.OddQueryStrings;
import org.newsroom.platform.test.RawHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request Tomcat refuses before any servlet runs (sent raw: an HTTP client would encode it)
 * gets the platform's problem+json, not Tomcat's HTML page, without the gateway in front.
 */
class UnreadableRequestTest extends MediaApiTest {

	@Test
	void aRenditionNameWithCharactersThatMustBeEncodedGetsAProblem() throws IOException {
		String answer = RawHttp.send(port,
				"GET /api/media/x/renditions/<thumb> HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

		assertThat(answer).startsWith("HTTP/1.1 400 ");
		assertThat(answer).containsIgnoringCase("Content-Type: application/problem+json");
		assertThat(answer.substring(answer.indexOf("\r\n\r\n") + 4)).startsWith("{")
			.contains("\"type\":\"urn:newsroom:problem:bad-request\"")
			.doesNotContainIgnoringCase("tomcat")
			.doesNotContain("<html");
	}

	/**
	 * Random parameter names and values from every plane (see OddQueryStrings): those Spring
	 * Security's firewall will not pass on get a 400 problem, never a 500.
	 */
	@Test
	void noQueryStringIsAServerError() throws IOException {
		List<String> queries = OddQueryStrings.random(18, 150, List.of("credit", "source", "q", "size", "cursor"));
		OddQueryStrings.assertNeverAServerError(port, "/api/media", queries);
	}

	/**
	 * {@code /api/media/metadata} also matches {@code /api/media/{id}}: OPTIONS names the path's own
	 * method, not the photo's GET, PATCH and DELETE, and needs no token (issue 18).
	 */
	@Test
	void optionsOfTheMetadataReaderNamesOnlyItsMethod() throws IOException {
		String answer = RawHttp.send(port,
				"OPTIONS /api/media/metadata HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

		assertThat(answer).startsWith("HTTP/1.1 200 ");
		assertThat(RawHttp.header(answer, "Allow")).contains("POST").doesNotContain("GET", "PATCH", "DELETE");
	}
}
