package org.newsroom.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.awaitility.Awaitility;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real Redis for the rate limits' shared-store tests: Debian's {@code redis-server} (installed
 * by .ci/run) on a free port, no persistence, so a restart starts empty as a lost store would.
 * It can be stopped and started again on the same port, as an outage in the middle of a test.
 */
public final class RedisServer implements AutoCloseable {

	private static final Path BINARY = Path.of("/usr/bin/redis-server");

	private final int port;
	private Process process;

	private RedisServer(int port) {
		this.port = port;
	}

	/** A new server on a free port, answering PING. */
	public static RedisServer started() {
		assertThat(BINARY).as("Debian's redis-server (apt-get install redis-server; .ci/run installs it)").isExecutable();
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		RedisServer server = new RedisServer(port);
		server.start();
		Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
		return server;
	}

	public String url() {
		return "redis://127.0.0.1:" + port;
	}

	public synchronized void start() {
		try {
			Path dir = Files.createTempDirectory("redis-" + port);
			process = new ProcessBuilder(BINARY.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
					"--save", "", "--appendonly", "no", "--dir", dir.toString(), "--loglevel", "warning")
				.redirectErrorStream(true)
				.redirectOutput(dir.resolve("redis.log").toFile())
				.start();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(this::answersPing);
	}

	public synchronized void stop() {
		if (process != null) {
			process.destroyForcibly();
			try {
				process.waitFor();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			process = null;
		}
	}

	/** Sends one command in Redis's inline form and answers the reply's first line. */
	public String command(String line) {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(2000);
			socket.getOutputStream().write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
			StringBuilder reply = new StringBuilder();
			int c;
			while ((c = socket.getInputStream().read()) != -1 && c != '\r') {
				reply.append((char) c);
			}
			return reply.toString();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** How often the server ran this command (INFO commandstats) since it started. */
	public long calls(String command) {
		io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create(url());
		try (var connection = client.connect()) {
			String stats = connection.sync().info("commandstats");
			java.util.regex.Matcher calls = java.util.regex.Pattern
				.compile("cmdstat_" + command.toLowerCase(java.util.Locale.ROOT) + ":calls=(\\d+)").matcher(stats);
			return calls.find() ? Long.parseLong(calls.group(1)) : 0;
		}
		finally {
			client.shutdown();
		}
	}

	private boolean answersPing() {
		try {
			return "+PONG".equals(command("PING"));
		}
		catch (UncheckedIOException e) {
			return false;
		}
	}

	@Override
	public void close() {
		stop();
	}
}
