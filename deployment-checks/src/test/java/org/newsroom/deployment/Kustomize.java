package org.newsroom.deployment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Renders a kustomization with {@code kubectl kustomize} (the same renderer {@code kubectl apply -k}
 * uses) and reads the result into typed Kubernetes objects. Renders each folder once per run.
 */
final class Kustomize {

	/** What CI renders: the two overlays, and the base they share. */
	static final List<String> OVERLAYS = List.of("k8s/overlays/dev", "k8s/overlays/prod");

	private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();

	private static final Map<String, String> RENDERED_TEXT = new ConcurrentHashMap<>();

	private Kustomize() {
	}

	static boolean kubectlAvailable() {
		try {
			Process process = new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
			process.getInputStream().readAllBytes();
			return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
		}
		catch (IOException e) {
			return false;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** Skips the calling test, saying why, on a machine without kubectl (CI installs it). */
	static void assumeKubectl() {
		RequiredTool.require(kubectlAvailable(), "kubectl", "the Kubernetes manifests");
	}

	static Manifests render(String folder) {
		return RENDERED.computeIfAbsent(folder, key -> new Manifests(key, parse(renderText(key))));
	}

	static String renderText(String folder) {
		assumeKubectl();
		return RENDERED_TEXT.computeIfAbsent(folder, Kustomize::runKubectl);
	}

	private static String runKubectl(String folder) {
		try {
			Process process = new ProcessBuilder("kubectl", "kustomize", Repository.path(folder).toString())
				.redirectErrorStream(false)
				.start();
			byte[] out = process.getInputStream().readAllBytes();
			byte[] err = process.getErrorStream().readAllBytes();
			if (!process.waitFor(120, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("kubectl kustomize " + folder + " did not finish in 120 s");
			}
			if (process.exitValue() != 0) {
				throw new IllegalStateException("kubectl kustomize " + folder + " failed:\n" + new String(err, StandardCharsets.UTF_8));
			}
			return new String(out, StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new IllegalStateException("cannot run kubectl", e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	@SuppressWarnings("unchecked")
	static List<HasMetadata> parse(String yaml) {
		Object parsed = new KubernetesSerialization().unmarshal(yaml);
		if (parsed instanceof List<?> list) {
			return (List<HasMetadata>) list;
		}
		if (parsed instanceof KubernetesList list) {
			return list.getItems();
		}
		return List.of((HasMetadata) parsed);
	}
}
