package org.newsroom.deployment;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.tools.ToolProvider;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker/HealthCheck.java, the images' health check, compiled as the Dockerfiles compile it and
 * run as a separate JVM against a real HTTP server standing in for a service's actuator.
 */
class HealthCheckProgramTest {

	@TempDir
	static Path classes;

	private HttpServer server;

	@BeforeAll
	static void compile() {
		int result = ToolProvider.getSystemJavaCompiler()
			.run(null, null, null, "--release", "17", "-d", classes.toString(),
					Repository.path("docker/HealthCheck.java").toString());
		assertThat(result).as("javac docker/HealthCheck.java").isZero();
	}

	@AfterEach
	void stop() {
		if (server != null) {
			server.stop(0);
		}
	}

	@Test
	void healthyWhenTheReadinessGroupAnswers200() throws Exception {
		int port = serveReadiness(200, "{\"status\":\"UP\"}");

		assertThat(run(Map.of(), String.valueOf(port))).isZero();
	}

	@Test
	void unhealthyWhenTheReadinessGroupAnswers503() throws Exception {
		int port = serveReadiness(503, "{\"status\":\"OUT_OF_SERVICE\"}");

		assertThat(run(Map.of(), String.valueOf(port))).isEqualTo(1);
	}

	@Test
	void unhealthyWhenNothingListens() throws Exception {
		assertThat(run(Map.of(), String.valueOf(freePort()))).isEqualTo(1);
	}

	@Test
	void asksTheManagementPortWhenTheServiceHasOne() throws Exception {
		int management = serveReadiness(200, "{\"status\":\"UP\"}");
		int nothing = freePort();

		// the image's default port is wrong here on purpose: the environment wins
		assertThat(run(Map.of("MANAGEMENT_SERVER_PORT", String.valueOf(management), "SERVER_PORT", String.valueOf(nothing)),
				String.valueOf(nothing))).isZero();
		assertThat(run(Map.of("SERVER_PORT", String.valueOf(management)), String.valueOf(nothing))).isZero();
	}

	private int serveReadiness(int status, String body) throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/actuator/health/readiness", exchange -> {
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(status, bytes.length);
			exchange.getResponseBody().write(bytes);
			exchange.close();
		});
		server.start();
		return server.getAddress().getPort();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static int run(Map<String, String> environment, String defaultPort) throws Exception {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx16m", "-cp", classes.toString(), "HealthCheck", defaultPort));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().remove("MANAGEMENT_SERVER_PORT");
		builder.environment().remove("SERVER_PORT");
		builder.environment().putAll(environment);
		Process process = builder.start();
		process.getInputStream().readAllBytes();
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		return process.exitValue();
	}

	@Test
	void theSourceIsWhatTheImagesCompile() {
		assertThat(Files.isRegularFile(Repository.path("docker/HealthCheck.java"))).isTrue();
		ServiceModule.all().forEach(module -> assertThat(Repository.read(module.dockerfile()))
			.contains("javac --release 17 -d /healthcheck docker/HealthCheck.java")
			.contains("COPY --from=build /healthcheck/ /opt/healthcheck/"));
	}
}
