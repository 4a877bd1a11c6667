package org.newsroom.deployment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** yamllint, with the repository's .yamllint, over every YAML file in the repository. */
class YamlLintTest {

	@BeforeAll
	static void yamllintIsInstalled() {
		RequiredTool.require(run(Repository.root(), "yamllint", "--version").exit == 0, "yamllint", "the YAML files");
	}

	@Test
	void everyYamlFileIsClean() {
		Result result = run(Repository.root(), "yamllint", "--strict", "-f", "parsable", "-c", ".yamllint", ".");

		assertThat(result.output).as("yamllint findings").isEmpty();
		assertThat(result.exit).isZero();
	}

	@Test
	void theLintReachesTheDeploymentFiles() {
		Result listed = run(Repository.root(), "yamllint", "--list-files", "-c", ".yamllint", ".");

		assertThat(listed.output).contains("docker-compose.yml", "k8s/base/kustomization.yaml",
				"k8s/overlays/prod/kustomization.yaml", "k8s/base/mongo/statefulset.yaml", ".yamllint");
		assertThat(listed.output.lines().filter(line -> line.contains("/target/"))).isEmpty();
	}

	@Test
	void aBrokenManifestIsReported(@TempDir Path folder) throws IOException {
		Path manifest = folder.resolve("broken.yaml");
		Files.writeString(manifest, """
				apiVersion: v1
				kind: ConfigMap
				metadata:
				  name: broken
				  name: twice
				data:
				    misaligned: true
				""");

		Result result = run(Repository.root(), "yamllint", "-f", "parsable", "-c", ".yamllint", manifest.toString());

		assertThat(result.exit).isNotZero();
		assertThat(result.output).contains("key-duplicates");
	}

	record Result(int exit, String output) {
	}

	private static Result run(Path directory, String... command) {
		try {
			Process process = new ProcessBuilder(List.of(command)).directory(directory.toFile()).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
			if (!process.waitFor(120, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return new Result(-1, "timed out");
			}
			return new Result(process.exitValue(), output);
		}
		catch (IOException e) {
			return new Result(-1, e.getMessage());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return new Result(-1, "interrupted");
		}
	}
}
