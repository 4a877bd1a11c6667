package org.newsroom.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Volume;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The realm Keycloak imports on Kubernetes: in development the very file the local run uses;
 * in production the same realm (roles, clients, audience) without demo users and demo secrets.
 */
class KeycloakRealmTest {

	static final String REALM = "keycloak/news-realm.json";

	static final String BASE_COPY = "k8s/base/keycloak/news-realm.json";

	static final String PRODUCTION = "k8s/overlays/prod/keycloak/news-realm.json";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void theClusterImportsTheSameRealmFileAsTheLocalRun() {
		// kustomize reads no file outside k8s/: the base keeps a copy, which must not drift
		assertThat(Repository.read(BASE_COPY)).isEqualTo(Repository.read(REALM));
	}

	@Test
	void keycloakImportsTheRealmFromItsConfigMapOnStart() {
		for (String overlay : Kustomize.OVERLAYS) {
			Manifests manifests = Kustomize.render(overlay);
			Workload keycloak = manifests.workload("keycloak");
			Container container = keycloak.containers().get(0);
			String volume = container.getVolumeMounts().stream()
				.filter(mount -> mount.getMountPath().equals("/opt/keycloak/data/import"))
				.findFirst().orElseThrow().getName();
			Volume realm = keycloak.pod().getVolumes().stream().filter(v -> v.getName().equals(volume)).findFirst().orElseThrow();
			String expected = overlay.endsWith("prod") ? PRODUCTION : BASE_COPY;

			assertThat(container.getArgs()).as(overlay).contains("--import-realm");
			assertThat(manifests.configMapData(realm.getConfigMap().getName())).as(overlay)
				.containsOnlyKeys("news-realm.json")
				.containsEntry("news-realm.json", Repository.read(expected));
		}
	}

	@Test
	void theProductionRealmIsTheLocalRealmWithoutDemoUsersOrSecrets() {
		ObjectNode local = (ObjectNode) JSON.readTree(Repository.read(REALM));
		JsonNode production = JSON.readTree(Repository.read(PRODUCTION));

		// what production changes, applied to the local realm, must give the production realm
		ObjectNode expected = local.deepCopy();
		for (JsonNode client : expected.get("clients")) {
			ObjectNode c = (ObjectNode) client;
			String id = c.get("clientId").asString();
			if (id.equals("news-web") || id.equals("news-mobile")) {
				// no password grant on a public site: browsers and apps use the code flow with PKCE
				c.put("directAccessGrantsEnabled", false);
			}
			if (id.equals("news-web")) {
				c.set("redirectUris", JSON.createArrayNode().add("${NEWSROOM_PUBLIC_BASE_URL}/*"));
				c.set("webOrigins", JSON.createArrayNode().add("${NEWSROOM_PUBLIC_BASE_URL}"));
				((ObjectNode) c.get("attributes")).put("post.logout.redirect.uris", "${NEWSROOM_PUBLIC_BASE_URL}/*");
			}
			if (id.equals("news-desk")) {
				// the site's own address only: no local or development host may receive an editor's code
				c.set("redirectUris", JSON.createArrayNode().add("${NEWSROOM_PUBLIC_BASE_URL}/login/oauth2/code/news-desk"));
				((ObjectNode) c.get("attributes")).put("post.logout.redirect.uris", "${NEWSROOM_PUBLIC_BASE_URL}/");
			}
			if (id.equals("news-internal")) {
				c.put("secret", "${NEWS_INTERNAL_CLIENT_SECRET}");
			}
		}
		var users = expected.withArray("users");
		for (int i = users.size() - 1; i >= 0; i--) {
			if (!users.get(i).has("serviceAccountClientId")) {
				users.remove(i);
			}
		}

		assertThat(production).isEqualTo(expected);
	}

	@Test
	void theDeskSignsInWithTheCodeFlowAndPkceOnlyAndComesBackToTheGatewaysCallback() {
		for (String file : List.of(REALM, PRODUCTION)) {
			JsonNode desk = null;
			for (JsonNode client : JSON.readTree(Repository.read(file)).get("clients")) {
				if (client.get("clientId").asString().equals("news-desk")) {
					desk = client;
				}
			}
			assertThat(desk).as(file).isNotNull();
			assertThat(desk.get("standardFlowEnabled").asBoolean()).as(file).isTrue();
			assertThat(desk.get("implicitFlowEnabled").asBoolean()).as(file).isFalse();
			// nobody types a password into the desk's code: Keycloak's own page takes it
			assertThat(desk.get("directAccessGrantsEnabled").asBoolean()).as(file).isFalse();
			assertThat(desk.get("attributes").get("pkce.code.challenge.method").asString()).as(file).isEqualTo("S256");
			// exact callbacks, no wildcard: the gateway's oauth2Login callback for this registration
			desk.get("redirectUris").forEach(uri -> assertThat(uri.asString()).as(file)
				.endsWith("/login/oauth2/code/news-desk").doesNotContain("*"));
			assertThat(desk.get("protocolMappers").toString()).as("tokens the services accept").contains("news-api");
		}
	}

	@Test
	void theProductionRealmHoldsNoPasswordsAndEveryPlaceholderIsSet() {
		String production = Repository.read(PRODUCTION);
		JsonNode realm = JSON.readTree(production);
		Manifests prod = Kustomize.render("k8s/overlays/prod");
		Map<String, String> environment = prod.environment(prod.workload("keycloak").containers().get(0));

		List<String> credentials = new ArrayList<>();
		realm.get("users").forEach(user -> {
			if (user.has("credentials")) {
				credentials.add(user.get("username").asString());
			}
		});
		assertThat(credentials).as("users with passwords in the production realm").isEmpty();
		assertThat(EnvironmentContract.placeholders(production)).isNotEmpty()
			.allSatisfy(name -> assertThat(environment.get(name)).as("Keycloak's %s", name).isNotBlank());
		assertThat(environment.get("NEWSROOM_PUBLIC_BASE_URL")).startsWith("https://");
	}
}
