package org.newsroom.deployment;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pieces of each overlay find each other: every reference resolves in the namespace, every
 * Service selects pods that exist on a port they declare, the Ingress reaches Services that
 * exist, every service URL in the configuration names a Service of the right application, and
 * images and ports agree with the Dockerfiles, docker-compose.yml and application.yml.
 */
class WiringTest {

	static final List<String> OVERLAYS = Kustomize.OVERLAYS;

	static final String NAMESPACE = "newsroom";

	/** The service-location variables and the application each must lead to. */
	static final Map<String, String> SERVICE_URLS = Map.of(
			"ARTICLE_SERVICE_URL", "article-service",
			"MEDIA_SERVICE_URL", "media-service",
			"RANKING_SERVICE_URL", "ranking-service");

	@ParameterizedTest
	@FieldSource("OVERLAYS")
	void everythingLivesInTheNewsroomNamespaceUnderTheRestrictedStandard(String overlay) {
		Manifests manifests = Kustomize.render(overlay);

		Namespace namespace = manifests.get(Namespace.class, NAMESPACE);

		assertThat(namespace.getMetadata().getLabels()).containsEntry("pod-security.kubernetes.io/enforce", "restricted");
		assertThat(manifests.all()).filteredOn(object -> !(object instanceof Namespace))
			.allSatisfy(object -> assertThat(object.getMetadata().getNamespace())
				.as("%s %s", object.getKind(), object.getMetadata().getName()).isEqualTo(NAMESPACE));
	}

	@ParameterizedTest
	@FieldSource("OVERLAYS")
	void everyConfigMapSecretAndKeyAPodUsesExists(String overlay) {
		Manifests manifests = Kustomize.render(overlay);
		List<String> problems = new ArrayList<>();

		for (Workload workload : manifests.workloads()) {
			for (Container container : workload.allContainers()) {
				String what = workload + " container " + container.getName();
				for (EnvFromSource source : container.getEnvFrom()) {
					if (source.getConfigMapRef() != null) {
						requireExists(manifests, ConfigMap.class, source.getConfigMapRef().getName(), what, problems);
					}
					if (source.getSecretRef() != null) {
						requireExists(manifests, Secret.class, source.getSecretRef().getName(), what, problems);
					}
				}
				for (EnvVar variable : container.getEnv()) {
					if (variable.getValueFrom() == null) {
						continue;
					}
					var from = variable.getValueFrom();
					if (from.getSecretKeyRef() != null && requireExists(manifests, Secret.class, from.getSecretKeyRef().getName(), what, problems)
							&& !manifests.secretData(from.getSecretKeyRef().getName()).containsKey(from.getSecretKeyRef().getKey())) {
						problems.add(what + " reads key " + from.getSecretKeyRef().getKey() + " that Secret "
								+ from.getSecretKeyRef().getName() + " lacks");
					}
					if (from.getConfigMapKeyRef() != null && requireExists(manifests, ConfigMap.class, from.getConfigMapKeyRef().getName(), what, problems)
							&& !manifests.configMapData(from.getConfigMapKeyRef().getName()).containsKey(from.getConfigMapKeyRef().getKey())) {
						problems.add(what + " reads key " + from.getConfigMapKeyRef().getKey() + " that ConfigMap "
								+ from.getConfigMapKeyRef().getName() + " lacks");
					}
				}
			}
			for (Volume volume : workload.pod().getVolumes()) {
				if (volume.getConfigMap() != null) {
					requireExists(manifests, ConfigMap.class, volume.getConfigMap().getName(), workload.toString(), problems);
				}
				if (volume.getSecret() != null) {
					requireExists(manifests, Secret.class, volume.getSecret().getSecretName(), workload.toString(), problems);
				}
			}
		}

		assertThat(problems).isEmpty();
	}

	@ParameterizedTest
	@FieldSource("OVERLAYS")
	void everyServiceSelectsTheOneWorkloadThatServesItsPorts(String overlay) {
		Manifests manifests = Kustomize.render(overlay);
		List<String> problems = new ArrayList<>();

		for (Service service : manifests.of(Service.class)) {
			String name = "Service " + service.getMetadata().getName();
			Map<String, String> selector = service.getSpec().getSelector();
			if (selector == null || selector.isEmpty()) {
				problems.add(name + " selects no pods");
				continue;
			}
			List<Workload> selected = manifests.workloads().stream()
				.filter(workload -> Selectors.matches(selector, workload.podLabels()))
				.toList();
			if (selected.size() != 1) {
				problems.add(name + " selects " + selected + ", not exactly one workload");
				continue;
			}
			for (ServicePort port : service.getSpec().getPorts()) {
				boolean declared = selected.get(0).containers().stream()
					.flatMap(container -> container.getPorts().stream())
					.anyMatch(containerPort -> targets(port, containerPort));
				if (!declared) {
					problems.add(name + " port " + port.getName() + " targets " + port.getTargetPort()
							+ ", which no container of " + selected.get(0) + " declares");
				}
			}
		}

		assertThat(problems).isEmpty();
	}

	@ParameterizedTest
	@FieldSource("OVERLAYS")
	void theIngressReachesTheGatewayAndKeycloakOnly(String overlay) {
		Manifests manifests = Kustomize.render(overlay);
		List<String> backends = new ArrayList<>();

		for (Ingress ingress : manifests.of(Ingress.class)) {
			for (IngressRule rule : ingress.getSpec().getRules()) {
				assertThat(rule.getHost()).as("Ingress %s host", ingress.getMetadata().getName()).isNotBlank();
				for (HTTPIngressPath path : rule.getHttp().getPaths()) {
					String serviceName = path.getBackend().getService().getName();
					String portName = path.getBackend().getService().getPort().getName();
					Service service = manifests.get(Service.class, serviceName);
					assertThat(service.getSpec().getPorts()).extracting(ServicePort::getName)
						.as("Ingress %s backend %s", ingress.getMetadata().getName(), serviceName).contains(portName);
					backends.add(serviceName + ":" + portName);
				}
			}
		}

		assertThat(Set.copyOf(backends)).containsExactlyInAnyOrder("gateway:http", "keycloak:http");
	}

	/**
	 * Every gateway replica knows every editor's desk session (kept in Redis, docs/desk.md), so
	 * nothing at the Ingress keeps an editor on one replica: one Ingress for the site, the API and
	 * the desk, with no affinity cookie of its own (readers' pages stay cacheable downstream).
	 */
	@ParameterizedTest
	@FieldSource("OVERLAYS")
	void anEditorMayLandOnAnyGatewayReplicaAndNobodyGetsARouteCookie(String overlay) {
		Manifests manifests = Kustomize.render(overlay);

		assertThat(manifests.of(Ingress.class)).extracting(ingress -> ingress.getMetadata().getName())
			.containsExactlyInAnyOrder("gateway", "keycloak");
		Ingress site = manifests.get(Ingress.class, "gateway");
		assertThat(site.getMetadata().getAnnotations().keySet()).noneMatch(key -> key.contains("affinity")
				|| key.contains("session-cookie"));
		assertThat(SharedStateTest.environment(manifests, "gateway")).containsEntry("NEWSROOM_DESK_SESSIONS", "redis");
	}

	@ParameterizedTest
	@FieldSource("OVERLAYS")
	void imagesAndPortsAgreeWithTheDockerfilesComposeAndApplicationYml(String overlay) {
		Manifests manifests = Kustomize.render(overlay);
		ComposeFile compose = ComposeFile.read();

		for (ServiceModule module : ServiceModule.all()) {
			Workload workload = manifests.workload(module.name());
			Container container = WorkloadHardeningTest.applicationContainer(workload, module);
			Service service = manifests.get(Service.class, module.name());
			String exposed = Dockerfile.read(module.dockerfile()).finalStage().only("EXPOSE");

			assertThat(container.getImage()).isEqualTo(YamlTree.at(compose.service(module.name()), "image"))
				.startsWith(module.imageRepository() + ":");
			assertThat(WorkloadHardeningTest.port(container, "http")).isEqualTo(module.port()).isEqualTo(Integer.valueOf(exposed));
			// the same URL works in Compose and in the cluster: http://<service>:<its port>
			assertThat(service.getSpec().getPorts()).filteredOn(port -> "http".equals(port.getName()))
				.singleElement().extracting(ServicePort::getPort).isEqualTo(module.port());
		}
	}

	@ParameterizedTest
	@FieldSource("OVERLAYS")
	void everyServiceUrlLeadsToTheRightApplication(String overlay) {
		Manifests manifests = Kustomize.render(overlay);
		List<String> problems = new ArrayList<>();

		for (ServiceModule module : ServiceModule.all()) {
			Container container = WorkloadHardeningTest.applicationContainer(manifests.workload(module.name()), module);
			Map<String, String> environment = manifests.environment(container);
			SERVICE_URLS.forEach((variable, target) -> {
				if (!environment.containsKey(variable)) {
					return;
				}
				URI url = URI.create(environment.get(variable));
				Service service = manifests.find(Service.class, url.getHost()).orElse(null);
				if (service == null) {
					problems.add(module.name() + ": " + variable + "=" + url + " names no Service");
					return;
				}
				boolean port = service.getSpec().getPorts().stream().anyMatch(p -> p.getPort() == url.getPort());
				boolean right = Selectors.matches(service.getSpec().getSelector(), manifests.workload(target).podLabels());
				if (!port || !right) {
					problems.add(module.name() + ": " + variable + "=" + url + " does not lead to " + target);
				}
			});
		}

		assertThat(problems).isEmpty();
	}

	@ParameterizedTest
	@FieldSource("OVERLAYS")
	void servicesFetchKeysInsideTheClusterAndCheckThePublicIssuer(String overlay) {
		Manifests manifests = Kustomize.render(overlay);
		Container keycloak = manifests.workload("keycloak").containers().get(0);
		String hostname = manifests.environment(keycloak).get("KC_HOSTNAME");

		for (ServiceModule module : ServiceModule.all()) {
			Map<String, String> environment = manifests.environment(
					WorkloadHardeningTest.applicationContainer(manifests.workload(module.name()), module));
			URI keys = URI.create(environment.get("NEWSROOM_JWK_SET_URI"));

			assertThat(environment.get("NEWSROOM_ISSUER_URI")).as(module.name() + " issuer").isEqualTo(hostname + "/realms/news");
			assertThat(keys.getHost()).isEqualTo("keycloak");
			assertThat(manifests.get(Service.class, "keycloak").getSpec().getPorts())
				.anyMatch(port -> port.getPort() == keys.getPort() && "http".equals(port.getName()));
			assertThat(keys.getPath()).isEqualTo("/realms/news/protocol/openid-connect/certs");
		}
	}

	@ParameterizedTest
	@FieldSource("OVERLAYS")
	void thePublicAddressesAreTheIngressHosts(String overlay) {
		Manifests manifests = Kustomize.render(overlay);
		Map<String, String> gateway = manifests.environment(
				WorkloadHardeningTest.applicationContainer(manifests.workload("gateway"), ServiceModule.named("gateway")));
		URI site = URI.create(gateway.get("NEWSROOM_PUBLIC_BASE_URL"));
		URI sso = URI.create(manifests.environment(manifests.workload("keycloak").containers().get(0)).get("KC_HOSTNAME"));

		for (ServiceModule module : ServiceModule.all()) {
			String base = manifests.environment(WorkloadHardeningTest.applicationContainer(manifests.workload(module.name()), module))
				.get("NEWSROOM_PUBLIC_BASE_URL");
			assertThat(base).as(module.name()).isIn(null, site.toString());
		}
		assertThat(site.getPort()).isEqualTo(-1);
		assertThat(site.getPath()).isEmpty();
		assertThat(sso.getScheme()).isEqualTo(site.getScheme());
		Ingress siteIngress = manifests.get(Ingress.class, "gateway");
		Ingress ssoIngress = manifests.get(Ingress.class, "keycloak");
		assertThat(siteIngress.getSpec().getRules()).extracting(IngressRule::getHost).containsExactly(site.getHost());
		assertThat(ssoIngress.getSpec().getRules()).extracting(IngressRule::getHost).containsExactly(sso.getHost());
		// TLS exactly where the addresses say https
		for (Ingress ingress : List.of(siteIngress, ssoIngress)) {
			String host = ingress.getSpec().getRules().get(0).getHost();
			if (site.getScheme().equals("https")) {
				assertThat(ingress.getSpec().getTls()).singleElement()
					.satisfies(tls -> assertThat(tls.getHosts()).containsExactly(host));
			}
			else {
				assertThat(ingress.getSpec().getTls()).as("plain http has no TLS section").isEmpty();
			}
		}
	}

	@ParameterizedTest
	@FieldSource("OVERLAYS")
	void photoUploadsFitThroughTheIngress(String overlay) {
		Manifests manifests = Kustomize.render(overlay);
		String upload = manifests.environment(WorkloadHardeningTest.applicationContainer(
				manifests.workload("media-service"), ServiceModule.named("media-service"))).get("NEWSROOM_MEDIA_MAX_UPLOAD");
		String body = manifests.get(Ingress.class, "gateway").getMetadata().getAnnotations()
			.get("nginx.ingress.kubernetes.io/proxy-body-size");

		assertThat(upload).matches("\\d+MB");
		assertThat(body).matches("\\d+m");
		assertThat(Integer.parseInt(body.replace("m", ""))).isGreaterThan(Integer.parseInt(upload.replace("MB", "")));
	}

	/**
	 * On Kubernetes a service without a MongoDB URI refuses to start (the embedded store is for
	 * laptops): every service with data must be given its URI, and nothing may switch off Spring
	 * Boot's detection of the platform.
	 */
	@ParameterizedTest
	@FieldSource("OVERLAYS")
	void everyServiceWithDataIsGivenItsMongoUri(String overlay) {
		Manifests manifests = Kustomize.render(overlay);

		for (ServiceModule module : ServiceModule.all()) {
			Workload workload = manifests.workload(module.name());
			Map<String, String> environment = manifests.environment(WorkloadHardeningTest.applicationContainer(workload, module));
			if (module.usesMongo()) {
				assertThat(environment.get("SPRING_MONGODB_URI")).as(module.name()).startsWith("mongodb://");
			}
			else {
				assertThat(environment).doesNotContainKey("SPRING_MONGODB_URI");
			}
			assertThat(environment).doesNotContainKeys("SPRING_MAIN_CLOUDPLATFORM", "SPRING_MAIN_CLOUD_PLATFORM");
		}
	}

	@Test
	void theComposeAndClusterImagesCarryTheProjectVersion() {
		String version = Repository.read("pom.xml").replaceAll("(?s).*?<artifactId>newsroom-platform</artifactId>\\s*<version>([^<]+)</version>.*", "$1")
			.replace("-SNAPSHOT", "");
		ComposeFile compose = ComposeFile.read();

		for (ServiceModule module : ServiceModule.all()) {
			assertThat(YamlTree.at(compose.service(module.name()), "image")).isEqualTo(module.imageRepository() + ":" + version);
		}
	}

	private static boolean targets(ServicePort servicePort, ContainerPort containerPort) {
		var target = servicePort.getTargetPort();
		if (target == null) {
			return containerPort.getContainerPort().equals(servicePort.getPort());
		}
		if (target.getStrVal() != null) {
			return target.getStrVal().equals(containerPort.getName());
		}
		return target.getIntVal().equals(containerPort.getContainerPort());
	}

	private static <T extends HasMetadata> boolean requireExists(Manifests manifests, Class<T> type, String name, String user,
			List<String> problems) {
		if (manifests.find(type, name).isPresent()) {
			return true;
		}
		problems.add(user + " uses " + type.getSimpleName() + " " + name + ", which is not in the namespace");
		return false;
	}
}
