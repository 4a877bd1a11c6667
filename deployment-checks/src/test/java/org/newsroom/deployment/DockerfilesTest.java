package org.newsroom.deployment;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** What each service's Dockerfile claims, checked against the module it packages. */
class DockerfilesTest {

	static final List<String> SERVICES = ServiceModule.NAMES;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@ParameterizedTest
	@FieldSource("SERVICES")
	void buildsInOneStageAndRunsOnAMaintainedJre21(String name) {
		ServiceModule module = ServiceModule.named(name);
		Dockerfile dockerfile = Dockerfile.read(module.dockerfile());

		List<String> bases = dockerfile.all("FROM").stream().map(Dockerfile::baseImage).toList();

		assertThat(bases).containsExactly("eclipse-temurin:21-jdk", "eclipse-temurin:21-jre");
	}

	@ParameterizedTest
	@FieldSource("SERVICES")
	void buildsItsOwnModuleWithTheWrapperAndExtractsTheLayeredJar(String name) {
		Dockerfile dockerfile = Dockerfile.read(ServiceModule.named(name).dockerfile());

		String build = String.join("\n", dockerfile.all("RUN").stream().map(Dockerfile.Instruction::arguments).toList());

		assertThat(build).contains("./mvnw ", "-pl " + name + " -am ", " package")
			.contains("java -Djarmode=tools -jar " + name + "/target/" + name + ".jar extract --layers --launcher");
		// the layers, least changing first, so that a code change rebuilds only the last one
		assertThat(dockerfile.finalStage().all("COPY").stream().map(Dockerfile.Instruction::arguments).toList())
			.filteredOn(copy -> copy.contains("/extracted/"))
			.containsExactly("--from=build /extracted/dependencies/ ./", "--from=build /extracted/spring-boot-loader/ ./",
					"--from=build /extracted/snapshot-dependencies/ ./", "--from=build /extracted/application/ ./");
	}

	@ParameterizedTest
	@FieldSource("SERVICES")
	void shipsNoEmbeddedStore(String name) {
		ServiceModule module = ServiceModule.named(name);
		String pom = Repository.read(name + "/pom.xml");
		String build = String.join("\n",
				Dockerfile.read(module.dockerfile()).all("RUN").stream().map(Dockerfile.Instruction::arguments).toList());

		// the embedded store is only in the profile the image build switches off
		String outsideProfiles = pom.replaceAll("(?s)<profiles>.*</profiles>", "");
		assertThat(outsideProfiles).doesNotContain("mongo-java-server", "com.h2database");
		if (module.usesMongo()) {
			assertThat(pom).contains("<id>embedded-store</id>", "<name>!without-embedded-store</name>");
			assertThat(build).contains("./mvnw -B -ntp -Dwithout-embedded-store -pl " + name + " ");
		}
	}

	@ParameterizedTest
	@FieldSource("SERVICES")
	void runsAsANumericNonRootUser(String name) {
		Dockerfile image = Dockerfile.read(ServiceModule.named(name).dockerfile()).finalStage();

		String user = image.only("USER");

		// numeric, so that Kubernetes can verify runAsNonRoot without reading /etc/passwd
		assertThat(user).matches("\\d+(:\\d+)?");
		assertThat(Integer.parseInt(user.split(":")[0])).isPositive();
		assertThat(user).isEqualTo("10001:10001");
	}

	@ParameterizedTest
	@FieldSource("SERVICES")
	void exposesThePortOfItsApplicationYml(String name) {
		ServiceModule module = ServiceModule.named(name);

		String exposed = Dockerfile.read(module.dockerfile()).finalStage().only("EXPOSE");

		assertThat(exposed).isEqualTo(String.valueOf(module.port()));
	}

	@ParameterizedTest
	@FieldSource("SERVICES")
	void startsTheJvmInExecFormWithTheHeapSizedFromTheContainerLimit(String name) {
		Dockerfile image = Dockerfile.read(ServiceModule.named(name).dockerfile()).finalStage();

		String[] entrypoint = JSON.readValue(image.only("ENTRYPOINT"), String[].class);
		String environment = image.only("ENV");

		// exec form: java is PID 1 and receives SIGTERM itself, so graceful shutdown runs
		assertThat(entrypoint).containsExactly("java", "org.springframework.boot.loader.launch.JarLauncher");
		assertThat(environment).startsWith("JAVA_TOOL_OPTIONS=").contains("-XX:MaxRAMPercentage=")
			.contains("-XX:+ExitOnOutOfMemoryError").doesNotContain("-Xmx");
	}

	@ParameterizedTest
	@FieldSource("SERVICES")
	void healthCheckAsksTheReadinessGroupOnTheServicePort(String name) {
		ServiceModule module = ServiceModule.named(name);
		String healthcheck = Dockerfile.read(module.dockerfile()).finalStage().only("HEALTHCHECK");

		String[] command = JSON.readValue(healthcheck.substring(healthcheck.indexOf("CMD ") + 4), String[].class);

		assertThat(command).startsWith("java").contains("HealthCheck");
		assertThat(command[command.length - 1]).isEqualTo(String.valueOf(module.port()));
	}

	@Test
	void theBuildContextLeavesOutBuildOutputAndKeepsEveryModulePom() {
		List<String> ignored = List.of(Repository.read(".dockerignore").split("\n")).stream()
			.map(String::strip)
			.filter(line -> !line.isEmpty() && !line.startsWith("#"))
			.toList();

		assertThat(ignored).contains("**/target", ".git", "data");
		// Maven reads every module's pom even when it builds one, and the images need the check
		assertThat(ignored).noneMatch(line -> line.contains("pom.xml") || line.equals("docker") || line.equals("*"))
			.noneMatch(line -> ServiceModule.NAMES.contains(line) || line.equals("platform-common"));
	}

	@Test
	void everyServiceIsShippedAsAnImage() {
		assertThat(ServiceModule.all()).allSatisfy(module -> assertThat(module.hasDockerfile()).as(module.dockerfile()).isTrue());
	}
}
