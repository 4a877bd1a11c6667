package org.newsroom.gateway.edge;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.newsroom.gateway.RunningGatewayTestSupport;
import org.newsroom.platform.test.RawHttp;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paths and methods Spring Security's firewall refuses (encoded slashes and dots, {@code ;}
 * parameters, empty segments, double-encoding, TRACE) are refused with a problem document and
 * the security headers, and nothing reaches a service.
 */
class FirewallRefusalTest extends RunningGatewayTestSupport {

	@LocalServerPort
	int port;

	@Test
	void pathsTheFirewallRefusesAre400ProblemJson() throws IOException {
		for (String path : new String[] { "/api/articles/..%2f..%2factuator%2fenv", "/api/articles/%2e%2e/x",
				"/api/articles/x;a=b", "//api/articles", "/api/articles/%252e%252e", "/assets/../application.yml" }) {
			String answer = send("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
			assertProblem(answer, 400, "bad-request");
			assertThat(answer).as(path).contains("X-Content-Type-Options: nosniff");
		}
	}

	@Test
	void aMethodTheSiteDoesNotServeIs405ProblemJson() throws IOException {
		assertProblem(send("TRACE / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 405,
				"method-not-allowed");
	}

	private void assertProblem(String answer, int status, String type) {
		RawHttp.assertProblem(answer, status, type);
		assertNothingReached(articles);
	}

	private String send(String request) throws IOException {
		return RawHttp.send(port, request);
	}
}
