package org.newsroom.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What an operator does before the first production apply, done away from the repository's tree:
 * k8s/ copied as git holds it (the secret files' examples, none of the files, whatever a
 * developer keeps in their checkout), then {@code secrets/generate.sh} run in the copy.
 */
final class OperatorSecrets {

	static final String FOLDER = "k8s/overlays/prod/secrets";

	private static Path completed;

	private OperatorSecrets() {
	}

	/** A copy of k8s/ with the secret files written by the script, made once per run. */
	static synchronized Path completedCopy() {
		if (completed == null) {
			Path root = bareCopy();
			generate(root);
			completed = root;
		}
		return completed;
	}

	/** A fresh copy of k8s/ without any secret file, under target/ so a clean build removes it. */
	static Path bareCopy() {
		try {
			Path target = Repository.path("deployment-checks/target");
			Files.createDirectories(target);
			Path root = Files.createTempDirectory(target, "operator-");
			Path k8s = Repository.path("k8s");
			try (Stream<Path> files = Files.walk(k8s)) {
				for (Path file : files.toList()) {
					if (isSecretFile(k8s.relativize(file))) {
						continue;
					}
					Path copy = root.resolve("k8s").resolve(k8s.relativize(file).toString());
					if (Files.isDirectory(file)) {
						Files.createDirectories(copy);
					}
					else {
						Files.copy(file, copy);
					}
				}
			}
			return root;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Runs the operator's script in a copy, as the docs tell an operator to. */
	static void generate(Path root) {
		RequiredTool.requireAnswering("the production overlay's secret files and render", "openssl", "version");
		try {
			Process process = new ProcessBuilder("bash", root.resolve(FOLDER).resolve("generate.sh").toString())
				.redirectErrorStream(true)
				.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException("secrets/generate.sh failed:\n" + output);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** The files the operator writes: one per example in the repository. */
	static List<String> expectedFiles() {
		try (Stream<Path> files = Files.list(Repository.path(FOLDER))) {
			return files.map(file -> file.getFileName().toString())
				.filter(name -> name.endsWith(".env.example"))
				.map(name -> name.substring(0, name.length() - ".example".length()))
				.sorted()
				.toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** What .gitignore keeps out of the repository in the secrets folder. */
	private static boolean isSecretFile(Path relative) {
		String name = relative.getFileName().toString();
		return relative.startsWith(Path.of("overlays", "prod", "secrets"))
				&& (name.endsWith(".env") || name.endsWith(".env.partial"));
	}
}
