package org.newsroom.article;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A method a path does not take is a 405 whose {@code Allow} names the path's own methods, and
 * {@code OPTIONS} names the same (RFC 9110, sections 10.2.1 and 15.5.6), whoever asks (issue 18).
 */
class AllowedMethodsTest extends ArticleServiceTest {

	@Test
	void optionsOfTheSummariesNamesOnlyTheirMethods() {
		List<String> allowed = allow(http.options().uri("/api/articles/summaries").exchange().expectStatus().isOk());

		assertThat(allowed).contains("GET", "HEAD").doesNotContain("PUT", "DELETE", "POST", "PATCH");
	}

	@Test
	void optionsOfAnArticleStillNamesItsWrites() {
		List<String> allowed = allow(
				http.options().uri("/api/articles/0000000000000000000000aa").exchange().expectStatus().isOk());

		assertThat(allowed).contains("GET", "HEAD", "PUT", "DELETE");
	}

	@Test
	void deletingAFeedIsMethodNotAllowedEvenForAnEditor() {
		RestTestClient.ResponseSpec answer = http.delete().uri("/feeds/rss.xml")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.editor())
			.exchange();

		assertMethodNotAllowed(answer, "/feeds/rss.xml");
	}

	@Test
	void writingToAFeedOrSitemapIsMethodNotAllowedForAnyone() {
		assertMethodNotAllowed(http.post().uri("/sitemaps/news.xml").exchange(), "/sitemaps/news.xml");
		assertMethodNotAllowed(http.put().uri("/feeds/world/rss.xml").exchange(), "/feeds/world/rss.xml");
	}

	@Test
	void postingToTheSummariesNamesOnlyTheirMethods() {
		RestTestClient.ResponseSpec answer = http.post().uri("/api/articles/summaries")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.editor())
			.contentType(MediaType.APPLICATION_JSON).body("{}")
			.exchange();

		assertMethodNotAllowed(answer, "/api/articles/summaries");
	}

	private static void assertMethodNotAllowed(RestTestClient.ResponseSpec answer, String path) {
		List<String> allowed = allow(answer.expectStatus().isEqualTo(405)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON));
		assertThat(allowed).as(path).contains("GET", "HEAD").doesNotContain("PUT", "DELETE", "POST", "PATCH");
		answer.expectBody().jsonPath("$.type").isEqualTo("urn:newsroom:problem:method-not-allowed")
			.jsonPath("$.instance").isEqualTo(path);
	}

	private static List<String> allow(RestTestClient.ResponseSpec answer) {
		String header = answer.returnResult(String.class).getResponseHeaders().getFirst(HttpHeaders.ALLOW);
		assertThat(header).as("Allow").isNotNull();
		return Arrays.stream(header.split(",")).map(String::trim).toList();
	}
}
