package org.newsroom.deployment;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;

/** The objects one overlay renders to, with the lookups the checks need. */
final class Manifests {

	private static final Pattern VARIABLE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

	private final String folder;

	private final List<HasMetadata> objects;

	Manifests(String folder, List<HasMetadata> objects) {
		this.folder = folder;
		this.objects = List.copyOf(objects);
	}

	String folder() {
		return folder;
	}

	@Override
	public String toString() {
		return folder;
	}

	List<HasMetadata> all() {
		return objects;
	}

	<T extends HasMetadata> List<T> of(Class<T> type) {
		return objects.stream().filter(type::isInstance).map(type::cast).toList();
	}

	<T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
		return of(type).stream().filter(object -> object.getMetadata().getName().equals(name)).findFirst();
	}

	<T extends HasMetadata> T get(Class<T> type, String name) {
		return find(type, name).orElseThrow(() -> new AssertionError(
				folder + " renders no " + type.getSimpleName() + " named " + name));
	}

	/** Every Deployment, StatefulSet, Job and CronJob, as the pods they make. */
	List<Workload> workloads() {
		List<Workload> workloads = new ArrayList<>();
		of(Deployment.class).forEach(d -> workloads.add(new Workload("Deployment", d.getMetadata().getName(),
				d.getSpec().getReplicas(), d.getSpec().getTemplate(), d)));
		of(StatefulSet.class).forEach(s -> workloads.add(new Workload("StatefulSet", s.getMetadata().getName(),
				s.getSpec().getReplicas(), s.getSpec().getTemplate(), s)));
		of(Job.class).forEach(j -> workloads.add(new Workload("Job", j.getMetadata().getName(), null,
				j.getSpec().getTemplate(), j)));
		of(CronJob.class).forEach(c -> workloads.add(new Workload("CronJob", c.getMetadata().getName(), null,
				c.getSpec().getJobTemplate().getSpec().getTemplate(), c)));
		return workloads;
	}

	Workload workload(String name) {
		return workloads().stream()
			.filter(workload -> workload.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError(folder + " renders no workload named " + name));
	}

	/**
	 * The environment a container starts with, as the kubelet builds it: ConfigMaps and Secrets
	 * named in envFrom (with their prefix), then env entries, values resolved where the
	 * manifests hold them (Secret data decoded), and {@code $(NAME)} in an entry's value replaced
	 * by a variable set before it.
	 */
	Map<String, String> environment(Container container) {
		Map<String, String> environment = new LinkedHashMap<>();
		for (EnvFromSource source : container.getEnvFrom()) {
			String prefix = source.getPrefix() == null ? "" : source.getPrefix();
			if (source.getConfigMapRef() != null) {
				configMapData(source.getConfigMapRef().getName()).forEach((key, value) -> environment.put(prefix + key, value));
			}
			if (source.getSecretRef() != null) {
				secretData(source.getSecretRef().getName()).forEach((key, value) -> environment.put(prefix + key, value));
			}
		}
		for (EnvVar variable : container.getEnv()) {
			String value = valueOf(variable);
			environment.put(variable.getName(), value == null || variable.getValueFrom() != null ? value
					: expanded(value, environment));
		}
		return environment;
	}

	/** {@code $(NAME)} replaced by NAME's value where it is set, as the kubelet does; left as it is where not. */
	static String expanded(String value, Map<String, String> variables) {
		Matcher reference = VARIABLE.matcher(value);
		StringBuilder result = new StringBuilder();
		while (reference.find()) {
			String known = variables.get(reference.group(1));
			reference.appendReplacement(result, Matcher.quoteReplacement(known != null ? known : reference.group()));
		}
		return reference.appendTail(result).toString();
	}

	private String valueOf(EnvVar variable) {
		if (variable.getValueFrom() == null) {
			return variable.getValue();
		}
		var from = variable.getValueFrom();
		if (from.getSecretKeyRef() != null) {
			return secretData(from.getSecretKeyRef().getName()).get(from.getSecretKeyRef().getKey());
		}
		if (from.getConfigMapKeyRef() != null) {
			return configMapData(from.getConfigMapKeyRef().getName()).get(from.getConfigMapKeyRef().getKey());
		}
		return null;
	}

	Map<String, String> configMapData(String name) {
		ConfigMap configMap = get(ConfigMap.class, name);
		return configMap.getData() == null ? Map.of() : configMap.getData();
	}

	Map<String, String> secretData(String name) {
		Secret secret = get(Secret.class, name);
		Map<String, String> data = new LinkedHashMap<>();
		if (secret.getData() != null) {
			secret.getData().forEach((key, value) -> data.put(key,
					new String(Base64.getMimeDecoder().decode(value), StandardCharsets.UTF_8)));
		}
		if (secret.getStringData() != null) {
			data.putAll(secret.getStringData());
		}
		return data;
	}

	/** A generated Secret's data, by its generator's name (kustomize appends a content hash). */
	Map<String, String> generatedSecretData(String name) {
		return of(Secret.class).stream()
			.map(secret -> secret.getMetadata().getName())
			.filter(rendered -> rendered.matches(Pattern.quote(name) + "-[a-z0-9]{10}"))
			.findFirst()
			.map(this::secretData)
			.orElseThrow(() -> new AssertionError(folder + " generates no Secret named " + name));
	}

	/** Every variable set for one of our applications, for the environment check. */
	List<EnvironmentSetting> applicationSettings() {
		List<EnvironmentSetting> settings = new ArrayList<>();
		for (Workload workload : workloads()) {
			for (Container container : workload.containers()) {
				// a variable named in another's $(NAME) is there to be put into that one's value
				List<String> referenced = container.getEnv().stream()
					.filter(variable -> variable.getValue() != null)
					.flatMap(variable -> VARIABLE.matcher(variable.getValue()).results().map(reference -> reference.group(1)))
					.toList();
				ServiceModule.ofImage(container.getImage()).ifPresent(module -> environment(container).keySet()
					.stream()
					.filter(name -> !referenced.contains(name))
					.forEach(name -> settings.add(new EnvironmentSetting(
							folder + " " + workload.kind() + " " + workload.name(), module.name(), name))));
			}
		}
		return settings;
	}
}
