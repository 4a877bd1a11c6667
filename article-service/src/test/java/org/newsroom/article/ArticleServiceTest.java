package org.newsroom.article;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.newsroom.article.media.MediaClient;
import org.newsroom.platform.test.TestIdentityProvider;
import org.newsroom.platform.test.TestMongo;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The running service on a random port, its store on the in-memory wire-protocol MongoDB,
 * Keycloak's keys and media-service played by WireMock. Every test class extending this shares
 * one application context (and one database), so tests use their own headlines, tags and words.
 * The resilience settings are short so that breaker tests take a second, not a minute.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
public abstract class ArticleServiceTest {

	protected static final TestIdentityProvider identity = new TestIdentityProvider();

	protected static final WireMockServer media = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	static {
		media.start();
		warmUp(identity.jwkSetUri());
	}

	/**
	 * The first request to a cold WireMock can take longer than the resource server's JWKS read
	 * timeout on a busy machine; one request before the application starts makes the first test
	 * as fast as the others.
	 */
	private static void warmUp(String uri) {
		try {
			HttpClient client = HttpClient.newHttpClient();
			for (int i = 0; i < 3; i++) {
				client.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.discarding());
			}
		}
		catch (Exception e) {
			throw new IllegalStateException("the test identity provider does not answer", e);
		}
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestMongo.register(registry);
		identity.register(registry);
		registry.add("newsroom.services.media", media::baseUrl);
		registry.add("newsroom.public-base-url", () -> "https://news.example.com");
		registry.add("newsroom.site-name", () -> "The Example Daily");
		registry.add("newsroom.kakao-app-key", () -> "kakao-test-key");
		registry.add("newsroom.articles.scheduler.enabled", () -> "false");
		registry.add("newsroom.articles.scheduler.retry-delay", () -> "200ms");
		registry.add("resilience4j.timelimiter.instances.media.timeout-duration", () -> "400ms");
		registry.add("resilience4j.retry.instances.media.max-attempts", () -> "3");
		registry.add("resilience4j.retry.instances.media.wait-duration", () -> "20ms");
		registry.add("resilience4j.circuitbreaker.instances.media.sliding-window-size", () -> "6");
		registry.add("resilience4j.circuitbreaker.instances.media.minimum-number-of-calls", () -> "6");
		registry.add("resilience4j.circuitbreaker.instances.media.wait-duration-in-open-state", () -> "1s");
	}

	@Autowired
	protected RestTestClient http;

	@Autowired
	protected MediaClient mediaClient;

	@BeforeEach
	void freshMediaService() {
		media.resetAll();
		mediaClient.breaker().reset();
	}

	protected RestTestClient.ResponseSpec postAsEditor(String json) {
		return http.post().uri("/api/articles").header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.editor())
			.contentType(MediaType.APPLICATION_JSON).body(json).exchange();
	}

	protected String create(String json) {
		Map<?, ?> body = postAsEditor(json).expectStatus().isCreated()
			.expectBody(Map.class).returnResult().getResponseBody();
		return body.get("id").toString();
	}

	protected String create(String headline, String section) {
		return create("{\"headline\": \"" + headline + "\", \"section\": \"" + section + "\"}");
	}

	protected RestTestClient.ResponseSpec publish(String id) {
		return http.post().uri("/api/articles/{id}/publish", id)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.editor()).exchange();
	}

	protected String createPublished(String json) {
		String id = create(json);
		publish(id).expectStatus().isOk();
		return id;
	}

	protected RestTestClient.ResponseSpec getAsEditor(String uri, Object... vars) {
		return http.get().uri(uri, vars).header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.editor()).exchange();
	}

	protected Map<?, ?> articleAsEditor(String id) {
		return getAsEditor("/api/articles/{id}", id).expectStatus().isOk().expectBody(Map.class).returnResult()
			.getResponseBody();
	}

	protected long version(String id) {
		return ((Number) articleAsEditor(id).get("version")).longValue();
	}

	/** media-service says the photo may be used. */
	protected static void photoUsable(String mediaId) {
		media.stubFor(WireMock.get("/api/media/" + mediaId + "/usage")
			.willReturn(WireMock.okJson("{\"usable\": true, \"problems\": []}")));
	}

	protected static void assertProblemJson(String body) {
		assertThat(body).doesNotContain("Exception", "at org.", "java.", "springframework");
	}
}
