package org.newsroom.gateway;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Authorize" in Swagger UI signs in at the realm as the web client with PKCE (docs/openapi.md):
 * the page the gateway serves carries client {@code news-web} and
 * {@code usePkceWithAuthorizationCodeGrant}, and every API document's OAuth2 scheme points at the
 * realm's authorization and token endpoints (the gateway's own as configured here, the services'
 * committed documents at the local realm, as they are built).
 */
@TestPropertySource(properties = "newsroom.api.realm=https://id.newsroom.test/realms/news/")
class SwaggerUiSignInTest extends RunningGatewayTestSupport {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String LOCAL_REALM = "http://localhost:8180/realms/news";

	@Test
	void swaggerUiSignsInAsTheWebClientWithPkce() {
		JsonNode config = JSON.readTree(http.get().uri("/v3/api-docs/swagger-config").exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody());
		assertThat(config.path("urls").findValuesAsString("url")).containsExactlyInAnyOrder("/api-docs/articles",
				"/api-docs/media", "/api-docs/rankings", "/v3/api-docs");
		// Keycloak sends the browser back here; news-web's redirect URIs allow it
		assertThat(config.path("oauth2RedirectUrl").asString("")).endsWith("/swagger-ui/oauth2-redirect.html");

		URI page = http.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection()
			.returnResult(Void.class).getResponseHeaders().getLocation();
		assertThat(page).isNotNull();
		String initializer = http.get().uri(page.resolve("swagger-initializer.js").getPath()).exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		String compact = initializer.replaceAll("\\s+", "");
		assertThat(compact).contains("initOAuth(")
			.contains("\"clientId\":\"news-web\"")
			.contains("\"usePkceWithAuthorizationCodeGrant\":true")
			.contains("\"scopes\":\"openid\"");
	}

	@Test
	void theGatewaysDocumentPointsAtTheConfiguredRealm() {
		JsonNode document = JSON.readTree(http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody());
		assertSignsInAt(document, "https://id.newsroom.test/realms/news", "gateway (served)");
	}

	@Test
	void everyCommittedDocumentPointsAtTheLocalRealm() throws IOException {
		for (String name : List.of("article-service", "media-service", "ranking-service", "gateway")) {
			JsonNode document = JSON.readTree(Files.readString(repositoryRoot().resolve("docs/openapi/" + name + ".json")));
			assertSignsInAt(document, LOCAL_REALM, name);
			// a write needs a token of the realm: its operations name the scheme
			for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
				for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
					if (operation.getValue().has("x-roles")) {
						assertThat(operation.getValue().path("security").findValues("keycloak"))
							.as("%s %s %s", name, operation.getKey(), path.getKey()).isNotEmpty();
					}
				}
			}
		}
	}

	private static void assertSignsInAt(JsonNode document, String realm, String which) {
		JsonNode scheme = document.path("components").path("securitySchemes").path("keycloak");
		assertThat(scheme.path("type").asString("")).as(which).isEqualTo("oauth2");
		JsonNode flow = scheme.path("flows").path("authorizationCode");
		assertThat(flow.path("authorizationUrl").asString("")).as(which)
			.isEqualTo(realm + "/protocol/openid-connect/auth");
		assertThat(flow.path("tokenUrl").asString("")).as(which).isEqualTo(realm + "/protocol/openid-connect/token");
		assertThat(flow.path("scopes").has("openid")).as(which).isTrue();
	}

	private static Path repositoryRoot() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null && !Files.exists(dir.resolve("docs/architecture.md"))) {
			dir = dir.getParent();
		}
		assertThat(dir).as("the repository root above " + Path.of("").toAbsolutePath()).isNotNull();
		return dir;
	}
}
