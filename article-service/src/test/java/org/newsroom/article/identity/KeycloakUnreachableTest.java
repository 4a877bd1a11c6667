package org.newsroom.article.identity;

import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
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

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/** Keycloak's keys cannot be fetched: readers read on, and no token is taken on trust. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class KeycloakUnreachableTest {

	static final TestIdentityProvider identity = new TestIdentityProvider();

	static {
		identity.wireMock().stubFor(get(urlPathMatching("/realms/news/.*/certs"))
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestMongo.register(registry);
		identity.register(registry);
	}

	@AfterAll
	static void stopIdentity() {
		identity.close();
	}

	@Autowired
	RestTestClient http;

	@Test
	void aWriteWithATokenIsRefusedAs401WhenTheKeysCannotBeFetched() {
		String body = http.post().uri("/api/articles")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.editor())
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"headline\": \"Written while Keycloak is down\", \"section\": \"world\"}")
			.exchange()
			.expectStatus().isUnauthorized()
			.expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, v -> assertThat(v).contains("invalid_token"))
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(body).contains("cannot be verified").doesNotContain("Exception", "JWK");

		http.get().uri("/api/articles?section=world").header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.editor())
			.exchange().expectStatus().isUnauthorized();
	}

	@Test
	void anonymousReadingIsUnaffected() {
		http.get().uri("/api/articles?section=world").exchange().expectStatus().isOk();
	}
}
