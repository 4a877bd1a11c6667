package org.newsroom.gateway.edge.resilience;

import org.junit.jupiter.api.Test;
import org.newsroom.gateway.RunningGatewayTestSupport;

import org.springframework.http.MediaType;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** A service's own error page never reaches a client: it becomes a problem document with the same status. */
class ServiceErrorBodiesTest extends RunningGatewayTestSupport {

	static final String TOMCAT_PAGE = "<!doctype html><html><head><title>HTTP Status 400 – Bad Request</title></head>"
			+ "<body><h1>HTTP Status 400 – Bad Request</h1><p>Invalid character found in the request target</p>"
			+ "<h3>Apache Tomcat/11.0.15</h3></body></html>";

	@Test
	void aServicesHtmlErrorPageBecomesAProblemDocument() {
		articles.stubFor(get(urlPathEqualTo("/api/articles")).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "text/html;charset=utf-8").withHeader("Content-Language", "en")
			.withBody(TOMCAT_PAGE)));
		http.get().uri("/api/articles?q=x").exchange()
			.expectStatus().isBadRequest()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(String.class)
			.value(body -> assertThat(body).contains("\"type\":\"urn:newsroom:problem:bad-request\"", "\"status\":400")
				.doesNotContain("Tomcat", "<html"));
	}

	@Test
	void aServicesPlainTextErrorBecomesAProblemDocumentToo() {
		media.stubFor(get(urlPathEqualTo("/api/media/x")).willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "text/plain").withBody("Not Found")));
		http.get().uri("/api/media/x").exchange()
			.expectStatus().isNotFound()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(String.class)
			.value(body -> assertThat(body).contains("urn:newsroom:problem:not-found"));
	}

	@Test
	void problemDocumentsAndSuccessfulAnswersPassUnchanged() {
		String problem = "{\"type\":\"urn:newsroom:problem:article-not-found\",\"title\":\"Article not found\","
				+ "\"status\":404,\"detail\":\"No published article has that id or slug.\"}";
		articles.stubFor(get(urlPathEqualTo("/api/articles/slug/gone")).willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/problem+json").withBody(problem)));
		articles.stubFor(get(urlPathEqualTo("/feeds/rss.xml")).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/rss+xml").withBody("<rss version=\"2.0\"/>")));
		http.get().uri("/api/articles/slug/gone").exchange()
			.expectStatus().isNotFound()
			.expectBody(String.class).isEqualTo(problem);
		http.get().uri("/feeds/rss.xml").exchange()
			.expectStatus().isOk()
			.expectBody(String.class).isEqualTo("<rss version=\"2.0\"/>");
	}
}
