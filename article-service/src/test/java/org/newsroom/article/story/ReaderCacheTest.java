package org.newsroom.article.story;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.newsroom.article.ArticleServiceApplication;
import org.newsroom.article.ArticleServiceTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Readers' reads from memory and what keeps them right: the change log every reader-visible
 * change is announced in, a second replica that drops its copy when another replica changes the
 * article, and the caching headers downstream caches follow.
 */
class ReaderCacheTest extends ArticleServiceTest {

	private static ConfigurableApplicationContext secondReplica;

	@Autowired
	Environment environment;

	@AfterAll
	static void stopSecondReplica() {
		if (secondReplica != null) {
			secondReplica.close();
		}
	}

	@Test
	void everyChangeReadersMaySeeIsInTheChangeLogAndADraftsIsNot() {
		String id = create("Harbour bridge reopens after repairs", "national");
		assertThat(changesOf(id)).isEmpty();

		publish(id).expectStatus().isOk();
		http.post().uri("/api/articles/{id}/withdraw", id).header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.editor())
			.exchange().expectStatus().isOk();
		http.delete().uri("/api/articles/{id}", id).header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.admin())
			.exchange().expectStatus().isNoContent();

		List<Map<String, Object>> changes = changesOf(id);
		assertThat(changes).extracting(change -> (Object) change.get("visible")).containsExactly(true, false, false);
		assertThat(changes).allSatisfy(change -> {
			assertThat(change.get("kind")).isEqualTo("article");
			assertThat(change.get("slugs")).isEqualTo(List.of("harbour-bridge-reopens-after-repairs"));
		});
	}

	@Test
	void aReaderGetsCachingHeadersAndAnEditorGetsNone() {
		String id = createPublished("{\"headline\": \"Night trains return to the coast\", \"section\": \"lifestyle\"}");
		http.get().uri("/api/articles/{id}", id).exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL,
					"max-age=30, public, stale-if-error=300, stale-while-revalidate=30")
			.expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"");
		http.get().uri("/api/articles/{id}", id).header(HttpHeaders.IF_NONE_MATCH, "W/\"1\"").exchange()
			.expectStatus().isNotModified();
		getAsEditor("/api/articles/{id}", id).expectStatus().isOk()
			.expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store, private");

		String listEtag = http.get().uri("/api/articles?section=lifestyle").exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL,
					"max-age=15, public, stale-if-error=300, stale-while-revalidate=15")
			.returnResult(String.class).getResponseHeaders().getETag();
		assertThat(listEtag).isNotBlank();
		http.get().uri("/api/articles?section=lifestyle").header(HttpHeaders.IF_NONE_MATCH, listEtag).exchange()
			.expectStatus().isNotModified();
		getAsEditor("/api/articles?section=lifestyle&status=DRAFT").expectStatus().isOk()
			.expectHeader().doesNotExist(HttpHeaders.ETAG);
	}

	@Test
	void anotherReplicasWithdrawalReachesThisReplicasReadersWithinTwoSeconds() {
		String id = createPublished("{\"headline\": \"Ferry strike called off\", \"section\": \"national\"}");
		RestTestClient replica = secondReplica();
		// the second replica reads the article and keeps it
		for (int i = 0; i < 3; i++) {
			replica.get().uri("/api/articles/slug/ferry-strike-called-off").exchange().expectStatus().isOk();
			replica.get().uri("/api/articles/{id}", id).exchange().expectStatus().isOk();
		}

		long withdrawn = System.nanoTime();
		http.post().uri("/api/articles/{id}/withdraw", id).header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.editor())
			.exchange().expectStatus().isOk();

		Awaitility.await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
			replica.get().uri("/api/articles/{id}", id).exchange().expectStatus().isEqualTo(410);
			replica.get().uri("/api/articles/slug/ferry-strike-called-off").exchange().expectStatus().isEqualTo(410);
		});
		assertThat(Duration.ofNanos(System.nanoTime() - withdrawn)).isLessThan(Duration.ofSeconds(2));
	}

	@Test
	void aCorrectionMadeOnAnotherReplicaIsReadOnThisOne() {
		String id = createPublished("{\"headline\": \"Museum opens a new wing\", \"section\": \"culture\"}");
		RestTestClient replica = secondReplica();
		replica.get().uri("/api/articles/{id}", id).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.corrections.length()").isEqualTo(0);

		http.post().uri("/api/articles/{id}/corrections", id).header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.editor())
			.contentType(MediaType.APPLICATION_JSON).body("{\"text\": \"The wing opens on Friday, not Thursday.\"}")
			.exchange().expectStatus().isCreated();

		Awaitility.await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> replica.get()
			.uri("/api/articles/{id}", id).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.corrections[0].text").isEqualTo("The wing opens on Friday, not Thursday."));
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> changesOf(String id) {
		Map<String, Object> feed = http.get().uri("/internal/changes").exchange().expectStatus().isOk()
			.expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
			.expectBody(Map.class).returnResult().getResponseBody();
		return ((List<Map<String, Object>>) feed.get("changes")).stream()
			.filter(change -> id.equals(change.get("subject")))
			.toList();
	}

	/** A second article-service on the same database: another replica, as on Kubernetes. */
	private synchronized RestTestClient secondReplica() {
		if (secondReplica == null) {
			String[] shared = { "spring.mongodb.uri", "spring.mongodb.database",
					"spring.security.oauth2.resourceserver.jwt.issuer-uri",
					"spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
					"spring.security.oauth2.resourceserver.jwt.audiences", "newsroom.services.media",
					"newsroom.public-base-url", "newsroom.site-name", "newsroom.kakao-app-key" };
			List<String> arguments = new java.util.ArrayList<>(
					List.of("--server.port=0", "--newsroom.articles.scheduler.enabled=false"));
			for (String name : shared) {
				arguments.add("--" + name + "=" + environment.getProperty(name));
			}
			secondReplica = new SpringApplicationBuilder(ArticleServiceApplication.class).run(arguments.toArray(String[]::new));
		}
		int port = ((WebServerApplicationContext) secondReplica).getWebServer().getPort();
		return RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
	}
}
