package org.newsroom.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The NetworkPolicies let through exactly the connections the architecture needs: nothing it
 * needs is blocked, and nothing else is open.
 */
class NetworkPolicyTest {

	static final List<String> OVERLAYS = Kustomize.OVERLAYS;

	/** docs/architecture.md, "Shape", as connections (destination ports are the pods' own). */
	static final Set<String> NEEDED_EVERYWHERE = Set.of(
			// readers, apps and editors come in through the ingress controller
			"namespace:ingress-nginx -> gateway:8080",
			"namespace:ingress-nginx -> keycloak:8080",
			// the gateway routes to the three services and checks tokens
			"gateway -> article-service:8081",
			"gateway -> media-service:8082",
			"gateway -> ranking-service:8083",
			"gateway -> keycloak:8080",
			// the gateway replicas' shared rate limits and ranking-service's shared dedupe; nothing
			// else reaches Redis
			"gateway -> redis:6379",
			"ranking-service -> redis:6379",
			// article-service asks media-service before publishing; ranking reads article summaries
			"article-service -> media-service:8082",
			"ranking-service -> article-service:8081",
			// every service checks tokens against Keycloak's keys
			"article-service -> keycloak:8080",
			"media-service -> keycloak:8080",
			"ranking-service -> keycloak:8080",
			// each service reaches its own database, and only its own
			"article-service -> mongo-articles:27017",
			"media-service -> mongo-media:27017",
			"ranking-service -> mongo-rankings:27017",
			// replica set members replicate among themselves; the init Job forms the set
			"mongo-articles -> mongo-articles:27017",
			"mongo-media -> mongo-media:27017",
			"mongo-rankings -> mongo-rankings:27017",
			"mongo-init-articles -> mongo-articles:27017",
			"mongo-init-media -> mongo-media:27017",
			"mongo-init-rankings -> mongo-rankings:27017",
			// Prometheus scrapes the management ports
			"namespace:monitoring -> gateway:9090",
			"namespace:monitoring -> article-service:9090",
			"namespace:monitoring -> media-service:9090",
			"namespace:monitoring -> ranking-service:9090",
			"namespace:monitoring -> keycloak:9000");

	/** Production's Keycloak: a cluster of replicas on its own database; each database's backup. */
	static final Set<String> NEEDED_IN_PRODUCTION = Set.of(
			"keycloak -> keycloak:7800",
			"keycloak -> keycloak:57800",
			"keycloak -> keycloak-db:5432",
			"mongo-backup-articles -> mongo-articles:27017",
			"mongo-backup-media -> mongo-media:27017",
			"mongo-backup-rankings -> mongo-rankings:27017");

	@ParameterizedTest
	@FieldSource("OVERLAYS")
	void exactlyTheNeededConnectionsAreAllowed(String overlay) {
		Manifests manifests = Kustomize.render(overlay);
		Set<String> needed = needed(manifests);

		Set<String> allowed = new TreeSet<>(new NetworkReachability(manifests).allowedPaths());
		allowed.removeIf(path -> path.contains(" -> any:53"));

		assertThat(allowed).as("allowed connections").containsExactlyInAnyOrderElementsOf(needed);
	}

	@ParameterizedTest
	@FieldSource("OVERLAYS")
	void everyPodMayResolveNamesAndNothingElseLeavesTheNamespace(String overlay) {
		Manifests manifests = Kustomize.render(overlay);
		Set<String> open = new TreeSet<>();
		new NetworkReachability(manifests).allowedPaths().stream().filter(path -> path.contains(" -> any:")).forEach(open::add);

		List<String> expected = new ArrayList<>();
		manifests.workloads().forEach(workload -> {
			expected.add(workload.name() + " -> any:53");
			expected.add(workload.name() + " -> any:53/UDP");
		});

		assertThat(open).containsExactlyInAnyOrderElementsOf(expected);
	}

	@ParameterizedTest
	@FieldSource("OVERLAYS")
	void everythingIsDeniedUnlessAllowed(String overlay) {
		NetworkPolicy deny = Kustomize.render(overlay).get(NetworkPolicy.class, "default-deny");

		assertThat(deny.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
		assertThat(deny.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
		assertThat(deny.getSpec().getIngress()).isEmpty();
		assertThat(deny.getSpec().getEgress()).isEmpty();
	}

	@Test
	void aServiceReachingAnotherServicesDatabaseIsCaught() {
		String overlay = OVERLAYS.get(0);
		Manifests manifests = new Manifests(overlay, Kustomize.parse(Kustomize.renderText(overlay)));
		// both ends widened, as a careless edit would: ranking-service may now use the articles set
		NetworkPolicy ranking = manifests.get(NetworkPolicy.class, "ranking-service");
		ranking.getSpec().getEgress().get(0).getTo().get(0).getPodSelector().getMatchLabels()
			.put("app.kubernetes.io/instance", "articles");
		NetworkPolicy articlesSet = manifests.get(NetworkPolicy.class, "mongo-articles");
		articlesSet.getSpec().getIngress().get(0).getFrom().get(0).getPodSelector().getMatchLabels()
			.put("app.kubernetes.io/name", "ranking-service");

		Set<String> allowed = new NetworkReachability(manifests).allowedPaths();

		assertThat(allowed).contains("ranking-service -> mongo-articles:27017")
			.doesNotContain("ranking-service -> mongo-rankings:27017", "article-service -> mongo-articles:27017");
		assertThat(allowed).isNotEqualTo(needed(manifests));
	}

	@Test
	void aBlockedPathTheArchitectureNeedsIsCaught() {
		String overlay = OVERLAYS.get(0);
		Manifests manifests = new Manifests(overlay, Kustomize.parse(Kustomize.renderText(overlay)));
		// the gateway loses its route to media-service
		manifests.get(NetworkPolicy.class, "gateway").getSpec().getEgress()
			.removeIf(rule -> rule.getPorts().get(0).getPort().getIntVal() == 8082);

		Set<String> allowed = new NetworkReachability(manifests).allowedPaths();

		assertThat(needed(manifests)).contains("gateway -> media-service:8082");
		assertThat(allowed).doesNotContain("gateway -> media-service:8082").contains("gateway -> article-service:8081");
	}

	private static Set<String> needed(Manifests manifests) {
		Set<String> needed = new TreeSet<>(NEEDED_EVERYWHERE);
		if (manifests.find(io.fabric8.kubernetes.api.model.apps.StatefulSet.class, "keycloak-db").isPresent()) {
			needed.addAll(NEEDED_IN_PRODUCTION);
		}
		return needed;
	}
}
