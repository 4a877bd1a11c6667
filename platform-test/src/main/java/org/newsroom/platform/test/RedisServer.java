package org.newsroom.platform.test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real Redis for the tests of what services share in it: Debian's {@code redis-server}
 * (installed by .ci/run) on a free port, no persistence, so a restart starts empty as a lost store
 * would. It can be stopped and started again on the same port, as an outage in the middle of a
 * test. (Made from the gateway's rate-limit tests' own, so that both can use this one.)
 */
public final class RedisServer implements AutoCloseable {

	private static final Path BINARY = Path.of("/usr/bin/redis-server");

	private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

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

	public int port() {
		return port;
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
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		while (!answersPing()) {
			assertThat(System.nanoTime() - deadline).as("redis-server answers PING on port %d", port).isNegative();
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}
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

	/**
	 * Sends one command in Redis's inline form and answers the reply: a simple string, error or
	 * integer as its line ({@code +PONG}, {@code :3}), a bulk string as its text ({@code $-1} when
	 * there is none).
	 */
	public String command(String line) {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(2000);
			socket.getOutputStream().write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
			BufferedReader reply = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
			String first = reply.readLine();
			if (first == null || !first.startsWith("$") || first.equals("$-1")) {
				return first;
			}
			char[] bulk = new char[Integer.parseInt(first.substring(1))];
			int read = 0;
			while (read < bulk.length) {
				int n = reply.read(bulk, read, bulk.length - read);
				if (n < 0) {
					break;
				}
				read += n;
			}
			return new String(bulk, 0, read);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** How often the server ran this command (INFO commandstats) since it started. */
	public long calls(String command) {
		Matcher calls = Pattern.compile("cmdstat_" + command.toLowerCase(java.util.Locale.ROOT) + ":calls=(\\d+)")
			.matcher(command("INFO commandstats"));
		return calls.find() ? Long.parseLong(calls.group(1)) : 0;
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
