package org.newsroom.gateway.edge;

import java.io.IOException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsroom.gateway.RunningGatewayTestSupport;
import org.newsroom.platform.test.RawHttp;

import org.springframework.boot.test.web.server.LocalServerPort;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that Netty's decoder, the URI parser or Spring Security's firewall refuse before any
 * route or controller sees them: they are refused with a problem document (not a bare status),
 * and nothing reaches a service. A target that only lacks its percent-encoding is encoded and
 * served. Sent over a raw socket, byte for byte, because HTTP clients refuse to send them.
 */
class UnreadableRequestTest extends RunningGatewayTestSupport {

	@LocalServerPort
	int port;

	@BeforeEach
	void articlesAnswer() {
		articles.stubFor(any(urlPathMatching("/.*")).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json").withBody("{\"items\": []}")));
	}

	@Test
	void rawNonAsciiInTheQueryIsEncodedAndServed() throws IOException {
		String answer = send("GET /api/articles?q=\ud55c\uad6d HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		assertThat(answer).startsWith("HTTP/1.1 200");
		articles.verify(getRequestedFor(urlEqualTo("/api/articles?q=%ED%95%9C%EA%B5%AD")));
	}

	@Test
	void charactersClientsShouldHaveEncodedAreEncoded() throws IOException {
		String answer = send("GET /api/articles?q=a|b{c}\" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		assertThat(answer).startsWith("HTTP/1.1 200");
		articles.verify(getRequestedFor(urlEqualTo("/api/articles?q=a%7Cb%7Bc%7D%22")));
	}

	@Test
	void aBrokenPercentEscapeIs400ProblemJson() throws IOException {
		assertProblem(send("GET /api/articles?q=%ZZ HTTP/1.1\r\nHost: localhost\r\n\r\n"), 400, "bad-request");
		assertProblem(send("GET /news/%ZZ HTTP/1.1\r\nHost: localhost\r\n\r\n"), 400, "bad-request");
	}

	@Test
	void anOverlongRequestLineIs414ProblemJson() throws IOException {
		assertProblem(send("GET /api/articles?q=" + "a".repeat(9000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n"), 414,
				"uri-too-long");
	}

	@Test
	void overlargeHeadersAre431ProblemJson() throws IOException {
		assertProblem(send("GET /api/articles HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n"),
				431, "headers-too-large");
	}

	@Test
	void anUnreadableHeaderIs400ProblemJson() throws IOException {
		assertProblem(send("POST /api/articles HTTP/1.1\r\nHost: localhost\r\nContent-Length: abc\r\n\r\n{}"), 400,
				"bad-request");
	}

	@Test
	void twoAuthorizationHeadersAre400ProblemJson() throws IOException {
		assertProblem(send("GET /api/articles HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
				+ identity.editor() + "\r\nAuthorization: Bearer other\r\n\r\n"), 400, "bad-request");
	}

	private void assertProblem(String answer, int status, String type) {
		RawHttp.assertProblem(answer, status, type);
		assertNothingReached(articles);
	}

	private String send(String request) throws IOException {
		return RawHttp.send(port, request);
	}
}
