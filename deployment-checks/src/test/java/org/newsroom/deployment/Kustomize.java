package org.newsroom.deployment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
 * The prod overlay is rendered as an operator would apply it: from a copy of k8s/ completed with
 * the secret files it demands ({@link OperatorSecrets}).
 */
final class Kustomize {

	/** What CI renders: the two overlays, and the base they share. */
	static final List<String> OVERLAYS = List.of("k8s/overlays/dev", "k8s/overlays/prod");

	static final String PROD = "k8s/overlays/prod";

	private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();

	private static final Map<String, String> RENDERED_TEXT = new ConcurrentHashMap<>();

	private Kustomize() {
	}

	/** Skips the calling test, saying why, on a machine without kubectl (CI installs it). */
	static void assumeKubectl() {
		RequiredTool.requireAnswering("the Kubernetes manifests", "kubectl", "version", "--client");
	}

	static Manifests render(String folder) {
		return RENDERED.computeIfAbsent(folder, key -> new Manifests(key, parse(renderText(key))));
	}

	static String renderText(String folder) {
		assumeKubectl();
		return RENDERED_TEXT.computeIfAbsent(folder, Kustomize::runKubectl);
	}

	private static String runKubectl(String folder) {
		Path source = folder.equals(PROD) ? OperatorSecrets.completedCopy().resolve(folder) : Repository.path(folder);
		Result result = attempt(source);
		if (result.exit() != 0) {
			throw new IllegalStateException("kubectl kustomize " + folder + " failed:\n" + result.errors());
		}
		return result.output();
	}

	/** What kubectl said when asked to render a folder, whether it could or not. */
	record Result(int exit, String output, String errors) {
	}

	static Result attempt(Path folder) {
		assumeKubectl();
		try {
			Process process = new ProcessBuilder("kubectl", "kustomize", folder.toString()).start();
			// stderr is small; read it after stdout, which can be large
			byte[] out = process.getInputStream().readAllBytes();
			byte[] err = process.getErrorStream().readAllBytes();
			if (!process.waitFor(120, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("kubectl kustomize " + folder + " did not finish in 120 s");
			}
			return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
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
