package org.newsroom.deployment;

import java.util.List;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** `kubectl kustomize` renders the base and every overlay into typed Kubernetes objects. */
class KustomizeRenderTest {

	@ParameterizedTest
	@ValueSource(strings = { "k8s/base", "k8s/overlays/dev", "k8s/overlays/prod" })
	void rendersIntoKnownKubernetesObjects(String folder) {
		List<HasMetadata> objects = Kustomize.parse(Kustomize.renderText(folder));

		assertThat(objects).extracting(HasMetadata::getKind)
			.contains("Namespace", "Deployment", "StatefulSet", "Job", "Service", "ServiceAccount", "ConfigMap", "Secret",
					"Ingress", "NetworkPolicy")
			.doesNotContain("GenericKubernetesResource");
		// the one custom resource: the Prometheus Operator's alert rules (components/alerts)
		assertThat(objects).filteredOn(object -> !"PrometheusRule".equals(object.getKind()))
			.extracting(object -> object.getClass().getSimpleName())
			.doesNotContain("GenericKubernetesResource");
	}

	@ParameterizedTest
	@ValueSource(strings = { "k8s/overlays/dev", "k8s/overlays/prod" })
	void thePublicAddressesFileIsReadButNeverApplied(String overlay) {
		Manifests manifests = Kustomize.render(overlay);

		assertThat(manifests.of(ConfigMap.class)).extracting(configMap -> configMap.getMetadata().getName())
			.noneMatch(name -> name.startsWith("public-urls"));
		assertThat(Kustomize.renderText(overlay)).doesNotContain("config.kubernetes.io/local-config");
	}
}
