package org.newsroom.deployment;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** docker-compose.yml: valid for Compose itself, and wired the way the architecture says. */
class ComposeFileTest {

	private final ComposeFile compose = ComposeFile.read();

	@Test
	void composeAcceptsTheFile() throws Exception {
		RequiredTool.requireAnswering("docker-compose.yml's syntax and references", "docker-compose", "version");

		Process process = new ProcessBuilder("docker-compose", "-f", Repository.path(ComposeFile.FILE).toString(), "config", "-q")
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as("docker-compose config -q said:\n%s", output).isZero();
	}

	@Test
	void eachServiceWithDataHasItsOwnMongoDbWithAHealthCheckAndANamedVolume() {
		List<String> databases = new ArrayList<>();
		for (ServiceModule module : ServiceModule.all()) {
			if (!module.usesMongo()) {
				assertThat(compose.environment(module.name())).doesNotContainKey("SPRING_MONGODB_URI");
				continue;
			}
			String database = URI.create(compose.environment(module.name()).get("SPRING_MONGODB_URI")).getHost();
			Map<String, Object> mongo = compose.service(database);

			assertThat(String.valueOf(mongo.get("image"))).as(database).startsWith("mongo:8");
			assertThat(YamlTree.at(mongo, "healthcheck", "test")).as(database + " health check").isNotNull();
			assertThat(YamlTree.list(mongo, "volumes")).as(database + " volumes")
				.anySatisfy(volume -> assertThat(compose.volumes()).containsKey(String.valueOf(volume).split(":")[0])
					.satisfies(ignored -> assertThat(String.valueOf(volume)).endsWith(":/data/db")));
			assertThat(dependencies(module.name())).as(module.name() + " waits for its database").contains(database);
			databases.add(database);
		}
		assertThat(databases).hasSize(3).doesNotHaveDuplicates();
	}

	@Test
	void keycloakImportsTheRealmInDevelopmentModeUnderItsPublicAddress() {
		Map<String, Object> keycloak = compose.service("keycloak");
		Map<String, String> environment = compose.environment("keycloak");

		assertThat(String.valueOf(keycloak.get("image"))).startsWith("quay.io/keycloak/keycloak:26.7");
		assertThat(YamlTree.list(keycloak, "command")).containsExactly("start-dev", "--import-realm");
		assertThat(YamlTree.list(keycloak, "volumes")).containsExactly("./keycloak:/opt/keycloak/data/import:ro");
		assertThat(YamlTree.list(keycloak, "ports")).containsExactly("8180:8080");
		assertThat(environment).containsEntry("KC_HOSTNAME", "http://localhost:8180").containsEntry("KC_HEALTH_ENABLED", "true");
		assertThat(String.join(" ", YamlTree.list(keycloak, "healthcheck", "test").stream().map(String::valueOf).toList()))
			.contains("/dev/tcp/127.0.0.1/9000", "/health/ready");
	}

	@Test
	void servicesCheckThePublicIssuerAndFetchKeysInsideTheNetwork() {
		String issuer = compose.environment("keycloak").get("KC_HOSTNAME") + "/realms/news";

		for (ServiceModule module : ServiceModule.all()) {
			Map<String, String> environment = compose.environment(module.name());
			assertThat(environment).as(module.name())
				.containsEntry("NEWSROOM_ISSUER_URI", issuer)
				.containsEntry("NEWSROOM_JWK_SET_URI", "http://keycloak:8080/realms/news/protocol/openid-connect/certs");
			assertThat(dependencies(module.name())).as(module.name()).contains("keycloak");
		}
	}

	@Test
	void serviceUrlsNameTheComposeServiceOnItsPort() {
		for (ServiceModule module : ServiceModule.all()) {
			WiringTest.SERVICE_URLS.forEach((variable, target) -> {
				String value = compose.environment(module.name()).get(variable);
				if (value == null) {
					return;
				}
				// a list of the target's replicas (the gateway balances over them): each one a Compose
				// service running the target's image, on its port
				for (String url : value.split(",")) {
					URI address = URI.create(url.strip());
					assertThat(address.getScheme() + "://" + address.getHost() + ":" + address.getPort())
						.as(module.name() + " " + variable).isEqualTo(url.strip());
					assertThat(compose.module(address.getHost())).as(module.name() + " " + variable + ": " + url)
						.map(ServiceModule::name).contains(target);
					assertThat(address.getPort()).as(module.name() + " " + variable).isEqualTo(ServiceModule.named(target).port());
				}
			});
		}
		assertThat(dependencies("gateway")).contains("article-service", "media-service", "ranking-service");
	}

	@Test
	void theGatewaysBalanceOverEveryRankingReplicaAndShareTheirLimitsInRedis() {
		List<String> rankingReplicas = compose.services().keySet().stream()
			.filter(service -> compose.module(service).map(ServiceModule::name).orElse("").equals("ranking-service"))
			.toList();
		List<String> gateways = compose.services().keySet().stream()
			.filter(service -> compose.module(service).map(ServiceModule::name).orElse("").equals("gateway"))
			.toList();

		assertThat(rankingReplicas).containsExactlyInAnyOrder("ranking-service", "ranking-service-2");
		assertThat(gateways).containsExactlyInAnyOrder("gateway", "gateway-2");
		for (String replica : rankingReplicas) {
			assertThat(compose.environment(replica)).as(replica).containsEntry("NEWSROOM_RANKINGS_INGEST_SHARED_DEDUPE", "true");
		}
		for (String gateway : gateways) {
			Map<String, String> environment = compose.environment(gateway);
			assertThat(environment.get("RANKING_SERVICE_URL").split(",")).as(gateway)
				.containsExactlyInAnyOrderElementsOf(rankingReplicas.stream().map(replica -> "http://" + replica + ":8083").toList());
			assertThat(environment).as(gateway).containsEntry("NEWSROOM_EDGE_RATE_LIMITS_STORE", "redis")
				.containsEntry("NEWSROOM_DESK_SESSIONS", "redis");
			String redis = URI.create(environment.get("SPRING_DATA_REDIS_URL")).getHost();
			assertThat(String.valueOf(YamlTree.at(compose.service(redis), "image"))).startsWith("redis:");
			assertThat(dependencies(gateway)).contains(redis, "ranking-service-2");
		}
		// the second gateway only when asked for (--profile replicas)
		assertThat(YamlTree.list(compose.service("gateway-2"), "profiles")).containsExactly("replicas");
		assertThat(YamlTree.list(compose.service("gateway"), "profiles")).isEmpty();
	}

	@Test
	void onlyTheGatewayAndKeycloakArePublished() {
		Map<String, List<Object>> published = new java.util.TreeMap<>();
		compose.services().keySet().forEach(service -> {
			List<Object> ports = YamlTree.list(compose.service(service), "ports");
			if (!ports.isEmpty()) {
				published.put(service, ports);
			}
		});

		assertThat(published).containsOnlyKeys("gateway", "gateway-2", "keycloak");
		assertThat(published.get("gateway")).containsExactly("8080:8080");
		assertThat(published.get("gateway-2")).containsExactly("8090:8080");
	}

	@Test
	void everythingHasAHealthCheckAndStartsAfterWhatItNeedsIsHealthy() {
		for (String service : compose.services().keySet()) {
			assertThat(YamlTree.at(compose.service(service), "healthcheck", "test")).as(service + " health check").isNotNull();
			Map<String, Object> dependsOn = YamlTree.map(compose.service(service), "depends_on");
			dependsOn.forEach((dependency, condition) -> assertThat(YamlTree.at(condition, "condition"))
				.as(service + " waits for " + dependency).isEqualTo("service_healthy"));
		}
	}

	@Test
	void servicesAreBuiltFromTheirDockerfileAndCheckedOnTheirPort() {
		for (ServiceModule module : ServiceModule.all()) {
			Map<String, Object> service = compose.service(module.name());
			List<Object> healthcheck = YamlTree.list(service, "healthcheck", "test");

			assertThat(YamlTree.at(service, "build", "context")).isEqualTo(".");
			assertThat(YamlTree.at(service, "build", "dockerfile")).isEqualTo(module.dockerfile());
			assertThat(healthcheck).contains("HealthCheck");
			assertThat(String.valueOf(healthcheck.get(healthcheck.size() - 1))).isEqualTo(String.valueOf(module.port()));
		}
	}

	@Test
	void everyContainerHasAMemoryLimitForItsJvmToSizeItselfBy() {
		assertThat(compose.services().keySet()).allSatisfy(service -> assertThat(YamlTree.at(compose.service(service), "mem_limit"))
			.as(service + " mem_limit").isNotNull());
	}

	private List<String> dependencies(String service) {
		return new ArrayList<>(YamlTree.map(compose.service(service), "depends_on").keySet());
	}
}
