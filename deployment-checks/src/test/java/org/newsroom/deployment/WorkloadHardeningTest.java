package org.newsroom.deployment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every pod of every overlay: its own service account without an API token, the restricted Pod
 * Security Standard, requests and limits, probes, and for our services the actuator probes,
 * a writable /tmp on a read-only root, and time to drain and flush before being killed.
 */
class WorkloadHardeningTest {

	static final List<String> OVERLAYS = Kustomize.OVERLAYS;

	/** What preStop sleeps: long enough for endpoints and the Ingress to drop the pod. */
	private static final int PRE_STOP_SECONDS = 10;

	/**
	 * ranking-service stores its buffered views on shutdown, after the web server's graceful
	 * phase: its grace period holds a second phase, or its own flush limit
	 * (newsroom.rankings.counting.shutdown-timeout, plus the 5 s it waits for the flushing thread)
	 * when its application.yml sets a longer one.
	 */
	private static long flushSeconds(ServiceModule module, long phaseSeconds) {
		if (!module.name().equals("ranking-service")) {
			return 0;
		}
		Map<String, Object> settings = new Yaml().load(Repository.read(module.name() + "/src/main/resources/application.yml"));
		Object timeout = YamlTree.at(settings, "newsroom", "rankings", "counting", "shutdown-timeout");
		long own = timeout == null ? 0 : Duration.parse("PT" + String.valueOf(timeout).toUpperCase(java.util.Locale.ROOT)).toSeconds() + 5;
		return Math.max(phaseSeconds, own);
	}

	@ParameterizedTest
	@FieldSource("OVERLAYS")
	void everyPodRunsUnderItsOwnServiceAccountWithoutAnApiToken(String overlay) {
		Manifests manifests = Kustomize.render(overlay);
		List<String> problems = new ArrayList<>();

		for (Workload workload : manifests.workloads()) {
			PodSpec pod = workload.pod();
			String account = pod.getServiceAccountName();
			if (account == null || account.isBlank() || account.equals("default")) {
				problems.add(workload + " runs under the namespace's default service account");
				continue;
			}
			Optional<ServiceAccount> declared = manifests.find(ServiceAccount.class, account);
			if (declared.isEmpty()) {
				problems.add(workload + " names service account " + account + ", which the overlay does not create");
				continue;
			}
			boolean podMounts = !Boolean.FALSE.equals(pod.getAutomountServiceAccountToken());
			boolean accountMounts = !Boolean.FALSE.equals(declared.get().getAutomountServiceAccountToken());
			if (podMounts && accountMounts) {
				problems.add(workload + " mounts an API token, and no workload here talks to the Kubernetes API");
			}
		}

		assertThat(problems).isEmpty();
		assertThat(manifests.workloads()).extracting(workload -> workload.pod().getServiceAccountName())
			.as("one service account per workload").doesNotHaveDuplicates();
	}

	@ParameterizedTest
	@FieldSource("OVERLAYS")
	void everyPodMeetsTheRestrictedPodSecurityStandard(String overlay) {
		List<String> problems = new ArrayList<>();

		for (Workload workload : Kustomize.render(overlay).workloads()) {
			PodSpec pod = workload.pod();
			PodSecurityContext context = pod.getSecurityContext();
			if (context == null || !Boolean.TRUE.equals(context.getRunAsNonRoot())) {
				problems.add(workload + " does not set runAsNonRoot");
			}
			if (context == null || context.getRunAsUser() == null || context.getRunAsUser() <= 0) {
				problems.add(workload + " sets no non-root runAsUser");
			}
			if (context == null || context.getSeccompProfile() == null
					|| !"RuntimeDefault".equals(context.getSeccompProfile().getType())) {
				problems.add(workload + " has no RuntimeDefault seccomp profile");
			}
			if (Boolean.TRUE.equals(pod.getHostNetwork()) || Boolean.TRUE.equals(pod.getHostPID())
					|| Boolean.TRUE.equals(pod.getHostIPC())) {
				problems.add(workload + " shares a host namespace");
			}
			pod.getVolumes().stream().filter(volume -> volume.getHostPath() != null)
				.forEach(volume -> problems.add(workload + " mounts host path " + volume.getHostPath().getPath()));
			for (Container container : workload.allContainers()) {
				String what = workload + " container " + container.getName();
				SecurityContext security = container.getSecurityContext();
				if (security == null) {
					problems.add(what + " has no security context");
					continue;
				}
				if (!Boolean.FALSE.equals(security.getAllowPrivilegeEscalation())) {
					problems.add(what + " allows privilege escalation");
				}
				if (!Boolean.TRUE.equals(security.getReadOnlyRootFilesystem())) {
					problems.add(what + " has a writable root file system");
				}
				if (Boolean.TRUE.equals(security.getPrivileged())) {
					problems.add(what + " is privileged");
				}
				if (security.getCapabilities() == null || !security.getCapabilities().getDrop().contains("ALL")
						|| !security.getCapabilities().getAdd().isEmpty()) {
					problems.add(what + " does not drop all capabilities");
				}
				if (security.getRunAsUser() != null && security.getRunAsUser() == 0) {
					problems.add(what + " runs as root");
				}
				container.getPorts().stream().filter(port -> port.getHostPort() != null)
					.forEach(port -> problems.add(what + " binds host port " + port.getHostPort()));
			}
		}

		assertThat(problems).isEmpty();
	}

	@ParameterizedTest
	@FieldSource("OVERLAYS")
	void everyContainerHasRequestsAndLimits(String overlay) {
		List<String> problems = new ArrayList<>();

		for (Workload workload : Kustomize.render(overlay).workloads()) {
			for (Container container : workload.allContainers()) {
				String what = workload + " container " + container.getName();
				Map<String, Quantity> requests = container.getResources().getRequests();
				Map<String, Quantity> limits = container.getResources().getLimits();
				for (String resource : List.of("cpu", "memory")) {
					if (requests == null || !requests.containsKey(resource)) {
						problems.add(what + " requests no " + resource);
					}
					else if (limits == null || !limits.containsKey(resource)) {
						problems.add(what + " has no " + resource + " limit");
					}
					else if (Quantity.getAmountInBytes(limits.get(resource))
						.compareTo(Quantity.getAmountInBytes(requests.get(resource))) < 0) {
						problems.add(what + " limits " + resource + " below its request");
					}
				}
			}
		}

		assertThat(problems).isEmpty();
	}

	@ParameterizedTest
	@FieldSource("OVERLAYS")
	void everyLongRunningContainerHasStartupLivenessAndReadinessProbes(String overlay) {
		List<String> problems = new ArrayList<>();

		for (Workload workload : Kustomize.render(overlay).workloads()) {
			if (!workload.longRunning()) {
				continue;
			}
			for (Container container : workload.containers()) {
				String what = workload + " container " + container.getName();
				if (container.getStartupProbe() == null) {
					problems.add(what + " has no startup probe");
				}
				if (container.getLivenessProbe() == null) {
					problems.add(what + " has no liveness probe");
				}
				if (container.getReadinessProbe() == null) {
					problems.add(what + " has no readiness probe");
				}
			}
		}

		assertThat(problems).isEmpty();
	}

	@ParameterizedTest
	@FieldSource("OVERLAYS")
	void servicesAreProbedOnTheActuatorGroupsOfTheirManagementPort(String overlay) {
		Manifests manifests = Kustomize.render(overlay);

		for (ServiceModule module : ServiceModule.all()) {
			Workload workload = manifests.workload(module.name());
			Container container = applicationContainer(workload, module);
			String managementPort = manifests.environment(container).get("MANAGEMENT_SERVER_PORT");

			assertThat(port(container, "management")).as("%s management port", workload).isEqualTo(Integer.valueOf(managementPort));
			assertThat(port(container, "http")).as("%s http port", workload).isEqualTo(module.port());
			assertHttpProbe(container.getStartupProbe(), "/actuator/health/liveness", workload + " startup");
			assertHttpProbe(container.getLivenessProbe(), "/actuator/health/liveness", workload + " liveness");
			assertHttpProbe(container.getReadinessProbe(), "/actuator/health/readiness", workload + " readiness");
		}
	}

	@ParameterizedTest
	@FieldSource("OVERLAYS")
	void servicesRunAsTheImageUserWithAWritableTmpOnAReadOnlyRoot(String overlay) {
		Manifests manifests = Kustomize.render(overlay);

		for (ServiceModule module : ServiceModule.all()) {
			Workload workload = manifests.workload(module.name());
			Container container = applicationContainer(workload, module);
			String imageUser = Dockerfile.read(module.dockerfile()).finalStage().only("USER");

			assertThat(workload.pod().getSecurityContext().getRunAsUser() + ":" + workload.pod().getSecurityContext().getRunAsGroup())
				.as("%s runs as the user its Dockerfile names", workload).isEqualTo(imageUser);
			VolumeMount tmp = container.getVolumeMounts().stream()
				.filter(mount -> mount.getMountPath().equals("/tmp"))
				.findFirst()
				.orElseThrow(() -> new AssertionError(workload + " has no /tmp volume"));
			Volume volume = workload.pod().getVolumes().stream()
				.filter(candidate -> candidate.getName().equals(tmp.getName()))
				.findFirst()
				.orElseThrow();
			assertThat(volume.getEmptyDir()).as("%s /tmp is an emptyDir", workload).isNotNull();
			assertThat(volume.getEmptyDir().getSizeLimit()).as("%s /tmp size limit", workload).isNotNull();
		}
	}

	/**
	 * The grace period covers the preStop sleep, then each of Spring's shutdown phases at its
	 * configured limit (spring.lifecycle.timeout-per-shutdown-phase, read from the platform
	 * defaults), with time left for the JVM to exit.
	 */
	@ParameterizedTest
	@FieldSource("OVERLAYS")
	void servicesDrainAndFlushWithinTheirGracePeriod(String overlay) {
		Manifests manifests = Kustomize.render(overlay);
		long phaseSeconds = shutdownPhase().toSeconds();

		for (ServiceModule module : ServiceModule.all()) {
			Workload workload = manifests.workload(module.name());
			Container container = applicationContainer(workload, module);
			long needed = PRE_STOP_SECONDS + phaseSeconds + flushSeconds(module, phaseSeconds);

			assertThat(container.getLifecycle().getPreStop().getExec().getCommand())
				.as("%s preStop", workload).containsExactly("sleep", String.valueOf(PRE_STOP_SECONDS));
			assertThat(workload.pod().getTerminationGracePeriodSeconds())
				.as("%s grace period: preStop %d s + web shutdown phase %d s + final flush %d s, and time for the JVM to exit",
						workload, PRE_STOP_SECONDS, phaseSeconds, flushSeconds(module, phaseSeconds))
				.isGreaterThan(needed);
		}
	}

	@ParameterizedTest
	@FieldSource("OVERLAYS")
	void everyDeploymentDrainsBeforeItsPodsStop(String overlay) {
		assertThat(Kustomize.render(overlay).of(Deployment.class)).allSatisfy(deployment -> {
			PodSpec pod = deployment.getSpec().getTemplate().getSpec();
			assertThat(pod.getContainers()).allSatisfy(container -> assertThat(container.getLifecycle().getPreStop())
				.as("Deployment %s preStop", deployment.getMetadata().getName()).isNotNull());
			assertThat(pod.getTerminationGracePeriodSeconds()).isGreaterThan((long) PRE_STOP_SECONDS);
		});
	}

	static Duration shutdownPhase() {
		Map<String, Object> defaults = new Yaml().load(Repository.read("platform-common/src/main/resources/newsroom-platform-defaults.yml"));
		String timeout = String.valueOf(YamlTree.at(defaults, "spring", "lifecycle", "timeout-per-shutdown-phase"));
		assertThat(timeout).as("spring.lifecycle.timeout-per-shutdown-phase in the platform defaults").matches("\\d+s");
		return Duration.ofSeconds(Long.parseLong(timeout.substring(0, timeout.length() - 1)));
	}

	static Container applicationContainer(Workload workload, ServiceModule module) {
		return workload.containers().stream()
			.filter(container -> ServiceModule.ofImage(container.getImage()).map(ServiceModule::name).orElse("").equals(module.name()))
			.findFirst()
			.orElseThrow(() -> new AssertionError(workload + " runs no " + module.imageRepository() + " image"));
	}

	static Integer port(Container container, String name) {
		return container.getPorts().stream()
			.filter(port -> name.equals(port.getName()))
			.map(ContainerPort::getContainerPort)
			.findFirst()
			.orElseThrow(() -> new AssertionError("container " + container.getName() + " declares no port " + name));
	}

	private static void assertHttpProbe(Probe probe, String path, String what) {
		assertThat(probe.getHttpGet()).as(what + " probe is an HTTP GET").isNotNull();
		assertThat(probe.getHttpGet().getPath()).as(what + " probe path").isEqualTo(path);
		assertThat(probe.getHttpGet().getPort().getStrVal()).as(what + " probe port").isEqualTo("management");
	}
}
