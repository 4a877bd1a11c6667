package org.newsroom.deployment;

import java.util.List;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What makes dev small and prod resilient. */
class OverlayShapeTest {

	static final String DEV = "k8s/overlays/dev";

	static final String PROD = "k8s/overlays/prod";

	static final List<String> DATABASES = List.of("mongo-articles", "mongo-media", "mongo-rankings");

	@Test
	void developmentRunsOneOfEverything() {
		Manifests dev = Kustomize.render(DEV);

		assertThat(dev.of(Deployment.class)).allSatisfy(deployment -> assertThat(deployment.getSpec().getReplicas())
			.as("Deployment %s", deployment.getMetadata().getName()).isEqualTo(1));
		assertThat(dev.of(StatefulSet.class)).extracting(set -> set.getMetadata().getName()).containsExactlyInAnyOrderElementsOf(DATABASES);
		assertThat(dev.of(StatefulSet.class)).allSatisfy(set -> assertThat(set.getSpec().getReplicas()).isEqualTo(1));
		assertThat(dev.of(HorizontalPodAutoscaler.class)).isEmpty();
		assertThat(dev.workload("keycloak").containers().get(0).getArgs()).containsExactly("start-dev", "--import-realm");
	}

	@Test
	void productionRunsSeveralReplicasOfEveryService() {
		Manifests prod = Kustomize.render(PROD);

		for (ServiceModule module : ServiceModule.all()) {
			Deployment deployment = prod.get(Deployment.class, module.name());
			int least = prod.find(HorizontalPodAutoscaler.class, module.name())
				.map(autoscaler -> autoscaler.getSpec().getMinReplicas())
				.orElseGet(() -> deployment.getSpec().getReplicas());
			assertThat(least).as("%s replicas", module.name()).isGreaterThanOrEqualTo(2);
		}
		assertThat(prod.get(Deployment.class, "keycloak").getSpec().getReplicas()).isGreaterThanOrEqualTo(2);
		assertThat(prod.workload("keycloak").containers().get(0).getArgs()).containsExactly("start", "--import-realm");
	}

	@Test
	void productionDatabasesAreThreeMemberReplicaSets() {
		Manifests prod = Kustomize.render(PROD);

		for (String database : DATABASES) {
			StatefulSet set = prod.get(StatefulSet.class, database);
			assertThat(set.getSpec().getReplicas()).as(database).isEqualTo(3);
			assertThat(set.getSpec().getVolumeClaimTemplates()).as(database + " volumes").hasSize(1);
		}
	}

	@Test
	void theGatewayAndRankingScaleWithLoadAndAnApplyNeverResetsThem() {
		Manifests prod = Kustomize.render(PROD);

		assertThat(prod.of(HorizontalPodAutoscaler.class)).extracting(autoscaler -> autoscaler.getSpec().getScaleTargetRef().getName())
			.containsExactlyInAnyOrder("gateway", "ranking-service");
		for (HorizontalPodAutoscaler autoscaler : prod.of(HorizontalPodAutoscaler.class)) {
			String target = autoscaler.getSpec().getScaleTargetRef().getName();
			assertThat(autoscaler.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
			assertThat(autoscaler.getSpec().getMaxReplicas()).isGreaterThan(autoscaler.getSpec().getMinReplicas());
			// CPU utilisation is measured against requests: the target must request CPU
			assertThat(prod.workload(target).containers().get(0).getResources().getRequests()).containsKey("cpu");
			assertThat(prod.get(Deployment.class, target).getSpec().getReplicas())
				.as("%s carries no replica count that an apply would impose on the autoscaler", target).isNull();
		}
	}

	@Test
	void everyReplicatedWorkloadInProductionHasADisruptionBudget() {
		Manifests prod = Kustomize.render(PROD);

		for (Workload workload : prod.workloads()) {
			boolean replicated = workload.replicas() == null
					? prod.find(HorizontalPodAutoscaler.class, workload.name()).isPresent()
					: workload.replicas() > 1;
			if (!replicated) {
				continue;
			}
			List<PodDisruptionBudget> budgets = prod.of(PodDisruptionBudget.class).stream()
				.filter(budget -> Selectors.matches(budget.getSpec().getSelector(), workload.podLabels()))
				.toList();
			assertThat(budgets).as("%s disruption budgets", workload).singleElement()
				.satisfies(budget -> assertThat(budget.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1));
		}
		// and every budget guards pods that exist
		assertThat(prod.of(PodDisruptionBudget.class)).allSatisfy(budget -> assertThat(prod.workloads())
			.anyMatch(workload -> Selectors.matches(budget.getSpec().getSelector(), workload.podLabels())));
	}

	@Test
	void productionKeycloakKeepsItsDataInPostgresql() {
		Manifests prod = Kustomize.render(PROD);

		var keycloak = prod.environment(prod.workload("keycloak").containers().get(0));

		assertThat(keycloak).containsEntry("KC_DB", "postgres").containsEntry("KC_DB_URL_HOST", "keycloak-db");
		assertThat(keycloak.get("KC_DB_PASSWORD")).isEqualTo(prod.secretData(
				prod.workload("keycloak-db").containers().get(0).getEnvFrom().get(0).getSecretRef().getName()).get("POSTGRES_PASSWORD"));
		assertThat(prod.get(StatefulSet.class, "keycloak-db").getSpec().getVolumeClaimTemplates()).hasSize(1);
	}
}
