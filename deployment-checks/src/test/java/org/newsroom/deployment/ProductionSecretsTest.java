package org.newsroom.deployment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import com.mongodb.ConnectionString;
import io.fabric8.kubernetes.api.model.Secret;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production has no secret of its own until the operator writes one: the overlay refuses to
 * render without the files under k8s/overlays/prod/secrets/, names the one missing, and what it
 * renders with them carries none of the public demo values that dev and Compose run on.
 */
class ProductionSecretsTest {

	private static final String DEV = "k8s/overlays/dev";

	/** Keys that name a user or a database, not a secret. */
	private static final Pattern NOT_SECRET = Pattern.compile("(?i).*(user|username|_DB)$");

	/** Shorter demo values ("admin") are compared whole; longer ones are also searched for. */
	private static final int SEARCHED_LENGTH = 8;

	@Test
	void productionRefusesToRenderUntilTheOperatorHasWrittenItsSecretFiles() {
		Path bare = OperatorSecrets.bareCopy();

		Kustomize.Result result = Kustomize.attempt(bare.resolve(Kustomize.PROD));

		assertThat(result.exit()).as("kubectl kustomize without the secret files").isNotZero();
		assertThat(result.output()).isEmpty();
		assertThat(OperatorSecrets.expectedFiles()).as("the error names a file to write:\n%s", result.errors())
			.anyMatch(file -> result.errors().contains("overlays/prod/secrets/" + file));
	}

	@Test
	void everyProductionSecretIsReadFromAnOperatorFileThatGitIgnores() throws Exception {
		Map<String, Object> kustomization = new Yaml().load(Repository.read(Kustomize.PROD + "/kustomization.yaml"));
		List<String> read = new ArrayList<>();

		for (Object generator : YamlTree.list(kustomization, "secretGenerator")) {
			String name = String.valueOf(YamlTree.at(generator, "name"));
			assertThat(YamlTree.list(generator, "literals")).as("%s literals", name).isEmpty();
			assertThat(YamlTree.list(generator, "files")).as("%s files", name).isEmpty();
			assertThat(YamlTree.list(generator, "envs")).as("%s envs", name).containsExactly("secrets/" + name + ".env");
			read.add(name + ".env");
		}

		assertThat(read).as("the files the overlay reads, one per example").containsExactlyInAnyOrderElementsOf(OperatorSecrets.expectedFiles());
		for (String file : read) {
			assertThat(gitIgnores(OperatorSecrets.FOLDER + "/" + file)).as("git ignores %s", file).isTrue();
			assertThat(gitIgnores(OperatorSecrets.FOLDER + "/" + file + ".example")).as("git keeps %s.example", file).isFalse();
		}
		// and every Secret production renders is one of them, none left with base's demo value
		Set<String> rendered = new TreeSet<>();
		Kustomize.render(Kustomize.PROD).of(Secret.class)
			.forEach(secret -> rendered.add(secret.getMetadata().getName().replaceAll("-[a-z0-9]{10}$", "") + ".env"));
		assertThat(rendered).containsExactlyInAnyOrderElementsOf(read);
	}

	@Test
	void noDemoSecretReachesAProductionManifest() {
		Set<String> demo = demoSecrets();

		assertThat(demo).as("demo values found in dev, Compose and the local realm").hasSizeGreaterThan(5);
		assertThat(demoSecretsIn(Kustomize.render(Kustomize.PROD), Kustomize.renderText(Kustomize.PROD), demo)).isEmpty();
	}

	@Test
	void aDemoPasswordCopiedIntoAnOperatorFileIsCaught() throws IOException {
		Path copy = OperatorSecrets.bareCopy();
		OperatorSecrets.generate(copy);
		String devUri = Kustomize.render(DEV).generatedSecretData("mongo-connection-articles").get("SPRING_MONGODB_URI");
		String demoPassword = new String(new ConnectionString(devUri).getPassword());
		Path file = copy.resolve(OperatorSecrets.FOLDER).resolve("mongo-connection-articles.env");
		Files.writeString(file, Files.readString(file).replaceFirst("(article-service:)[0-9a-f]+@", "$1" + demoPassword + "@"));

		Kustomize.Result result = Kustomize.attempt(copy.resolve(Kustomize.PROD));

		assertThat(result.exit()).isZero();
		assertThat(demoSecretsIn(new Manifests("copy", Kustomize.parse(result.output())), result.output(), demoSecrets()))
			.anySatisfy(finding -> assertThat(finding).contains("mongo-connection-articles"));
	}

	@Test
	void developmentRendersOutOfTheBoxWithItsDemoValues() {
		Manifests dev = Kustomize.render(DEV);

		assertThat(dev.generatedSecretData("keycloak-admin").get("password")).startsWith("local-demo-");
		for (String database : List.of("articles", "media", "rankings")) {
			String uri = dev.generatedSecretData("mongo-connection-" + database).get("SPRING_MONGODB_URI");
			assertThat(new String(new ConnectionString(uri).getPassword())).startsWith("local-demo-");
			assertThat(dev.generatedSecretData("mongo-root-" + database).get("MONGO_INITDB_ROOT_PASSWORD")).startsWith("local-demo-");
		}
	}

	/**
	 * The public values: every secret of the dev render, the passwords Compose sets, and the
	 * client secrets and user passwords of the local realm.
	 */
	static Set<String> demoSecrets() {
		Set<String> demo = new TreeSet<>();
		Manifests dev = Kustomize.render(DEV);
		for (Secret secret : dev.of(Secret.class)) {
			dev.secretData(secret.getMetadata().getName()).forEach((key, value) -> secretPart(key, value).ifPresent(demo::add));
		}
		ComposeFile compose = ComposeFile.read();
		for (String service : compose.services().keySet()) {
			compose.environment(service).forEach((name, value) -> {
				if (value != null && (name.contains("PASSWORD") || name.contains("SECRET") || value.startsWith("mongodb://"))) {
					secretPart(name, value).ifPresent(demo::add);
				}
			});
		}
		JsonNode realm = JsonMapper.builder().build().readTree(Repository.read("keycloak/news-realm.json"));
		realm.path("clients").forEach(client -> {
			if (client.hasNonNull("secret")) {
				demo.add(client.get("secret").asString());
			}
		});
		realm.path("users").forEach(user -> user.path("credentials").forEach(credential -> demo.add(credential.path("value").asString())));
		demo.remove("");
		return demo;
	}

	/** Where a demo value, or anything marked local-demo, appears in a render. */
	static List<String> demoSecretsIn(Manifests manifests, String text, Set<String> demo) {
		List<String> findings = new ArrayList<>();
		if (text.contains("local-demo")) {
			findings.add("the manifests contain local-demo");
		}
		for (Secret secret : manifests.of(Secret.class)) {
			String name = secret.getMetadata().getName();
			manifests.secretData(name).forEach((key, value) -> {
				if (value.contains("local-demo")) {
					findings.add("Secret " + name + " key " + key + " contains local-demo");
				}
				secretPart(key, value).filter(demo::contains)
					.ifPresent(found -> findings.add("Secret " + name + " key " + key + " holds the demo value " + found));
				demo.stream().filter(demoValue -> demoValue.length() >= SEARCHED_LENGTH && value.contains(demoValue))
					.forEach(found -> findings.add("Secret " + name + " key " + key + " contains the demo value " + found));
			});
		}
		demo.stream().filter(value -> value.length() >= SEARCHED_LENGTH && text.contains(value))
			.forEach(found -> findings.add("the manifests contain the demo value " + found));
		return findings;
	}

	/** The secret in a Secret's entry: a URI's password, nothing for user and database names. */
	private static Optional<String> secretPart(String key, String value) {
		if (value.startsWith("mongodb://")) {
			char[] password = new ConnectionString(value).getPassword();
			return password == null ? Optional.empty() : Optional.of(new String(password));
		}
		return NOT_SECRET.matcher(key).matches() ? Optional.empty() : Optional.of(value);
	}

	private static boolean gitIgnores(String path) throws IOException, InterruptedException {
		Process process = new ProcessBuilder("git", "check-ignore", "--no-index", "-q", path)
			.directory(Repository.root().toFile())
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as("git check-ignore %s: %s", path, output).isIn(0, 1);
		return process.exitValue() == 0;
	}
}
