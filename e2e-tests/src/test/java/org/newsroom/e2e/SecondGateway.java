package org.newsroom.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A second gateway replica beside the stack's own, from the same jar and with the same defaults
 * (the same services, the same realm): what a second pod behind the load balancer is. Started by
 * the tests that need one, stopped when they are done.
 */
final class SecondGateway implements AutoCloseable {

	static final int PORT = 8084;

	static final String URL = "http://localhost:" + PORT;

	private final Process process;

	private SecondGateway(Process process) {
		this.process = process;
	}

	static SecondGateway start() {
		Path root = Path.of(System.getProperty("newsroom.root", "..")).toAbsolutePath().normalize();
		Path log = LocalStack.stateDirectory().resolve("logs").resolve("gateway-2.log");
		try {
			Files.createDirectories(log.getParent());
			ProcessBuilder builder = new ProcessBuilder("java", "-Xms64m", "-Xmx512m", "-jar",
					root.resolve("gateway/target/gateway.jar").toString())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile());
			builder.environment().put("SERVER_PORT", Integer.toString(PORT));
			SecondGateway gateway = new SecondGateway(builder.start());
			gateway.awaitReady(Duration.ofSeconds(90));
			return gateway;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private void awaitReady(Duration limit) {
		HttpClient http = HttpClient.newHttpClient();
		long deadline = System.nanoTime() + limit.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("the second gateway exited; see target/stack/run/logs/gateway-2.log");
			}
			try {
				HttpResponse<String> ready = http.send(
						HttpRequest.newBuilder(URI.create(URL + "/actuator/health/readiness")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (ready.statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// still starting
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
			sleep(500);
		}
		close();
		throw new IllegalStateException("the second gateway was not ready within " + limit);
	}

	@Override
	public void close() {
		process.destroy();
		try {
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
