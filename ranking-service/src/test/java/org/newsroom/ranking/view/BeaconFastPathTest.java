package org.newsroom.ranking.view;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.newsroom.platform.test.RawHttp;
import org.newsroom.ranking.RankingServiceTest;

import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The beacon answered right behind the HTTP decoder (BeaconFastPath) keeps HTTP's order: beacons
 * on a connection where an earlier request is still being answered are answered after it, and a
 * beacon whose body comes in pieces is read to its end.
 */
class BeaconFastPathTest extends RankingServiceTest {

	@Value("${local.server.port}")
	int port;

	@Test
	void beaconsBehindAnotherRequestOnTheSameConnectionAreAnsweredInOrder() throws IOException {
		String article = articles.publish("world");
		String beacon = beacon(article, "fast-path-visitor-" + System.nanoTime());
		List<String> answers = RawHttp.exchange(port, "GET /api/rankings/top?window=24h HTTP/1.1\r\nHost: localhost\r\n\r\n"
				+ beacon + beacon(article, "fast-path-visitor-" + System.nanoTime()));
		assertThat(answers).hasSize(3);
		assertThat(answers.get(0)).startsWith("HTTP/1.1 200 ");
		assertThat(RawHttp.body(answers.get(0))).contains("\"window\":\"24h\"");
		assertThat(answers.get(1)).startsWith("HTTP/1.1 202 ");
		assertThat(answers.get(2)).startsWith("HTTP/1.1 202 ");
		assertThat(RawHttp.header(answers.get(2), "X-Request-Id")).hasSizeGreaterThanOrEqualTo(8);
	}

	@Test
	void aBadBeaconOnTheFastPathIsTheSameProblemAsAnywhere() throws IOException {
		String answer = RawHttp.exchange(port, "POST /api/rankings/views HTTP/1.1\r\nHost: localhost\r\n"
				+ "Content-Type: application/json\r\nContent-Length: 21\r\n\r\n{\"articleId\": \"nope\"}").get(0);
		RawHttp.assertProblem(answer, 400, "bad-request");
		assertThat(RawHttp.body(answer)).contains("\"field\":\"articleId\"");
	}

	private static String beacon(String article, String visitor) {
		String body = "{\"articleId\": \"" + article + "\"}";
		return "POST /api/rankings/views HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\nUser-Agent: " + BROWSER
				+ "\r\nX-Visitor-Id: " + visitor + "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
	}
}
