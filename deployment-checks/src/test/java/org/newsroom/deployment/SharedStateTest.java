package org.newsroom.deployment;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the replicas share in the cluster (issue 19): the gateway replicas' rate limits and the
 * desk's sessions in the overlay's own Redis, ranking-service's dedupe there too, and an alert when
 * the shared Top lists stop being refreshed.
 */
class SharedStateTest {

	static final List<String> OVERLAYS = Kustomize.OVERLAYS;

	@ParameterizedTest
	@FieldSource("OVERLAYS")
	void everyGatewayReplicaTakesItsRateLimitsAndDeskSessionsFromTheOverlaysRedis(String overlay) {
		Manifests manifests = Kustomize.render(overlay);
		Map<String, String> gateway = environment(manifests, "gateway");

		assertThat(gateway).containsEntry("NEWSROOM_EDGE_RATE_LIMITS_STORE", "redis")
			.containsEntry("NEWSROOM_DESK_SESSIONS", "redis");
		URI redis = URI.create(gateway.get("SPRING_DATA_REDIS_URL"));
		assertThat(redis.getScheme()).isEqualTo("redis");
		Service service = manifests.get(Service.class, redis.getHost());
		assertThat(Selectors.matches(service.getSpec().getSelector(), manifests.workload("redis").podLabels()))
			.as("the Service %s selects the Redis pods", redis.getHost()).isTrue();
		assertThat(service.getSpec().getPorts()).anySatisfy(port -> assertThat(port.getPort()).isEqualTo(redis.getPort()));
	}

	@ParameterizedTest
	@FieldSource("OVERLAYS")
	void redisKeepsTheLimitsInMemoryOnly(String overlay) {
		Workload redis = Kustomize.render(overlay).workload("redis");
		Container container = redis.containers().get(0);

		assertThat(redis.kind()).isEqualTo("Deployment");
		assertThat(redis.pod().getVolumes()).extracting(Volume::getPersistentVolumeClaim).containsOnlyNulls();
		assertThat(String.join(" ", container.getArgs())).contains("--save  --appendonly no", "--maxmemory ",
				"--maxmemory-policy allkeys-lru");
		assertThat(container.getReadinessProbe().getExec().getCommand()).containsExactly("redis-cli", "ping");
	}

	@ParameterizedTest
	@FieldSource("OVERLAYS")
	void onlyTheGatewayAndRankingServiceReachRedisAndRedisReachesNothing(String overlay) {
		Manifests manifests = Kustomize.render(overlay);
		NetworkPolicy redis = manifests.get(NetworkPolicy.class, "redis");

		assertThat(redis.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
		assertThat(redis.getSpec().getEgress()).isEmpty();
		assertThat(new NetworkReachability(manifests).allowedPaths())
			.filteredOn(path -> path.contains(" -> redis:") || path.startsWith("redis -> "))
			.containsExactlyInAnyOrder("gateway -> redis:6379", "ranking-service -> redis:6379", "redis -> any:53",
					"redis -> any:53/UDP");
	}

	@ParameterizedTest
	@FieldSource("OVERLAYS")
	void rankingReplicasDecideDuplicatesTogether(String overlay) {
		Manifests manifests = Kustomize.render(overlay);
		Map<String, String> ranking = environment(manifests, "ranking-service");
		assertThat(ranking).containsEntry("NEWSROOM_RANKINGS_INGEST_SHARED_DEDUPE", "true");
		assertThat(URI.create(ranking.get("SPRING_DATA_REDIS_URL")).getHost()).isEqualTo("redis");
		// one key for the keyed hash of client addresses on every replica, from a Secret
		Container container = WorkloadHardeningTest.applicationContainer(manifests.workload("ranking-service"),
				ServiceModule.named("ranking-service"));
		assertThat(container.getEnv())
			.filteredOn(variable -> variable.getName().equals("NEWSROOM_RANKINGS_VISITOR_KEY"))
			.singleElement()
			// kustomize names the generated Secret with a hash of its content
			.satisfies(variable -> assertThat(variable.getValueFrom().getSecretKeyRef().getName())
				.startsWith("ranking-visitor-key-"));
	}

	@Test
	void productionKeepsRedisThroughADrainAndAlertsOnStaleTopLists() {
		Manifests prod = Kustomize.render(OverlayShapeTest.PROD);

		assertThat(prod.get(PodDisruptionBudget.class, "redis").getSpec().getSelector().getMatchLabels())
			.containsEntry("app.kubernetes.io/name", "redis");
		List<String> rules = prod.all()
			.stream()
			.filter(object -> "PrometheusRule".equals(object.getKind()))
			.map(SharedStateTest::alertExpressions)
			.flatMap(List::stream)
			.toList();
		assertThat(rules).anySatisfy(expression -> assertThat(expression)
			.contains("ranking_top_lists_age_seconds{lists=\"short\"}) > 15", "ranking_top_lists_age_seconds{lists=\"long\"}) > 90"));
	}

	static Map<String, String> environment(Manifests manifests, String module) {
		Container container = WorkloadHardeningTest.applicationContainer(manifests.workload(module), ServiceModule.named(module));
		return manifests.environment(container);
	}

	@SuppressWarnings("unchecked")
	private static List<String> alertExpressions(HasMetadata rule) {
		Map<String, Object> spec = (Map<String, Object>) ((GenericKubernetesResource) rule).getAdditionalProperties().get("spec");
		return ((List<Map<String, Object>>) spec.get("groups")).stream()
			.flatMap(group -> ((List<Map<String, Object>>) group.get("rules")).stream())
			.map(r -> String.valueOf(r.get("expr")))
			.toList();
	}
}
