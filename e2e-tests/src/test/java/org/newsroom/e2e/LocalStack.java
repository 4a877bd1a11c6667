package org.newsroom.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the real local stack once for the whole suite, through the same script a developer
 * uses ({@code run-local.sh --detach --no-build}): Keycloak with the realm file, the gateway and
 * the three services on fresh embedded stores without demo data. Stops it when the suite ends,
 * whether the tests passed or not.
 *
 * <p>With {@code NEWSROOM_E2E_REUSE=true} the suite runs against a stack that is already up.
 */
public final class LocalStack implements BeforeAllCallback {

	static final String GATEWAY = "http://localhost:8080";
	static final String KEYCLOAK = "http://localhost:8180";

	/** The embedded stores listen on fixed ports in the suite: article 27101, media 27102, ranking 27103. */
	static final int STORE_PORT_BASE = 27100;

	/** Second replicas (run-local.sh --replicas): gateway-2, article-service-2, ranking-service-2. */
	static final String GATEWAY_2 = "http://localhost:8090";

	static final int ARTICLE_SERVICE_2_PORT = 8181;

	static final int RANKING_SERVICE_2_PORT = 8183;

	/** The redis-server run-local.sh starts for two gateways' shared rate limits, in the suite. */
	static final int REDIS_PORT = 6390;

	/**
	 * The gateway's page time limits and circuit-breaker pause in the suite's stack, passed to it
	 * below (the page limits are the gateway's defaults; the pause is shorter than its 10 s so
	 * recovery drills stay quick). Drills derive their time bounds from these.
	 */
	static final Duration PAGE_ARTICLE_TIMEOUT = Duration.ofSeconds(2);

	static final Duration PAGE_LEAD_IMAGE_TIMEOUT = Duration.ofMillis(800);

	static final Duration PAGE_TOP_TIMEOUT = Duration.ofMillis(500);

	static final Duration PAGE_RELATED_TIMEOUT = Duration.ofMillis(800);

	static final Duration BREAKER_WAIT_IN_OPEN = Duration.ofSeconds(5);

	/** The longest a composed page may take by the gateway's own limits: the article, then its slowest part. */
	static Duration pageTimeLimit() {
		Duration slowestPart = Stream.of(PAGE_LEAD_IMAGE_TIMEOUT, PAGE_TOP_TIMEOUT, PAGE_RELATED_TIMEOUT)
			.max(Comparator.naturalOrder())
			.orElseThrow();
		return PAGE_ARTICLE_TIMEOUT.plus(slowestPart);
	}

	/** Where the running stack keeps its pid files ({@code pids/NAME.pid}) and logs. */
	static Path stateDirectory() {
		return requireOwned().state.resolve("run");
	}

	/** Stops one service (or {@code keycloak}) of the running stack gracefully (SIGTERM), as an operator would. */
	static void stopService(String name) {
		requireOwned().script("--stop-service", name);
	}

	/**
	 * Kills one service with {@code SIGKILL}, as the OOM killer or a lost node would: no shutdown
	 * hook runs, nothing is flushed or closed. Returns once the process is gone.
	 */
	static void killService(String name) {
		requireOwned();
		Path pidFile = stateDirectory().resolve("pids").resolve(name + ".pid");
		try {
			long pid = Long.parseLong(Files.readString(pidFile).trim());
			ProcessHandle process = ProcessHandle.of(pid)
				.orElseThrow(() -> new IllegalStateException(name + " (pid " + pid + ") is not running"));
			process.destroyForcibly();
			process.onExit().get(20, TimeUnit.SECONDS);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (Exception e) {
			throw new IllegalStateException(name + " did not die", e);
		}
	}

	/** {@code run-local.sh --backup DIR}: a copy of every service's store, taken while they run. */
	static void backUp(Path directory) {
		int exit = requireOwned().script("--backup", directory.toString());
		if (exit != 0) {
			throw new IllegalStateException("the backup failed (exit " + exit + ")");
		}
	}

	/** {@code run-local.sh --restore DIR}: the stores put back; returns once the stack answers again. */
	static void restore(Path directory) {
		int exit = requireOwned().script("--restore", directory.toString());
		if (exit != 0) {
			throw new IllegalStateException("the restore failed (exit " + exit + ")");
		}
	}

	/**
	 * Gives the running stack second replicas ({@code run-local.sh --replicas}, e.g.
	 * {@code ranking-service=2,gateway=2}): redis-server when there are two gateways, the first
	 * replicas of those services and the gateway started again with their replica settings (the
	 * URL lists, the shared dedupe and limits), then the second ones. {@link #scaleIn()} undoes it.
	 */
	static void scaleOut(String replicas, List<String> services, Map<String, String> settings) {
		Running running = requireOwned().with(settings);
		if (replicas.contains("gateway=2")) {
			running.scriptOrFail("--replicas", replicas, "--start-service", "redis");
		}
		for (String name : services) {
			running.scriptOrFail("--replicas", replicas, "--stop-service", name);
			running.scriptOrFail("--replicas", replicas, "--start-service", name);
		}
		for (String name : replicas.split(",")) {
			running.scriptOrFail("--replicas", replicas, "--start-service", name.substring(0, name.indexOf('=')) + "-2");
		}
	}

	/** Back to one of each: the second replicas and redis-server stopped, {@code services} started again as before. */
	static void scaleIn(List<String> services) {
		Running running = requireOwned();
		for (String name : List.of("gateway-2", "ranking-service-2", "media-service-2", "article-service-2", "redis")) {
			running.scriptOrFail("--replicas", "none", "--stop-service", name);
		}
		for (String name : services) {
			running.scriptOrFail("--stop-service", name);
			running.scriptOrFail("--start-service", name);
		}
	}

	/** Starts a stopped service (or {@code keycloak}) again and waits until it is healthy. */
	static void startService(String name) {
		int exit = requireOwned().script("--start-service", name);
		if (exit != 0) {
			throw new IllegalStateException(name + " did not come back (exit " + exit + ")");
		}
	}

	private static volatile Running current;

	private static Running requireOwned() {
		Running running = current;
		if (running == null || !running.owned) {
			throw new IllegalStateException("fault drills need the stack this suite started (not NEWSROOM_E2E_REUSE)");
		}
		return running;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		context.getRoot()
			.getStore(ExtensionContext.Namespace.GLOBAL)
			.computeIfAbsent(Running.class, key -> {
				Running running = Running.start();
				current = running;
				try {
					// the API documents every answer is checked against (ApiContract), read while all is up
					ApiContract.loadAll();
				}
				catch (RuntimeException e) {
					running.close();
					throw e;
				}
				return running;
			}, Running.class);
	}

	/** The started stack; JUnit closes it after the last test of the run. */
	static final class Running implements AutoCloseable {

		private final Path root;
		private final Path state;
		private final boolean owned;
		private final Map<String, String> settings;

		private Running(Path root, Path state, boolean owned) {
			this(root, state, owned, Map.of());
		}

		private Running(Path root, Path state, boolean owned, Map<String, String> settings) {
			this.root = root;
			this.state = state;
			this.owned = owned;
			this.settings = settings;
		}

		/** The same stack, for script runs whose processes get these variables as well. */
		Running with(Map<String, String> extra) {
			return new Running(root, state, owned, extra);
		}

		static Running start() {
			Path root = Path.of(System.getProperty("newsroom.root", "..")).toAbsolutePath().normalize();
			Path state = Path.of(System.getProperty("newsroom.e2e.state", "target/stack")).toAbsolutePath();
			if (Boolean.parseBoolean(System.getenv("NEWSROOM_E2E_REUSE"))) {
				return new Running(root, state, false);
			}
			for (int port : new int[] { 8080, 8081, 8082, 8083, SecondGateway.PORT, 8180, STORE_PORT_BASE + 1, STORE_PORT_BASE + 2,
					STORE_PORT_BASE + 3, 8090, ARTICLE_SERVICE_2_PORT, RANKING_SERVICE_2_PORT, REDIS_PORT }) {
				if (inUse(port)) {
					throw new IllegalStateException("Port " + port + " is in use: stop the running platform "
							+ "(./run-local.sh --stop) or set NEWSROOM_E2E_REUSE=true to test it");
				}
			}
			deleteRecursively(state);
			Running running = new Running(root, state, true);
			int exit = running.script("--detach", "--no-build");
			if (exit != 0) {
				running.close();
				throw new IllegalStateException("run-local.sh could not start the stack (exit " + exit
						+ "); see " + state.resolve("run-local.out") + " and the logs in " + state.resolve("run/logs"));
			}
			return running;
		}

		@Override
		public void close() {
			if (owned) {
				script("--stop");
			}
		}

		void scriptOrFail(String... args) {
			int exit = script(args);
			if (exit != 0) {
				throw new IllegalStateException("run-local.sh " + String.join(" ", args) + " failed (exit " + exit
						+ "); see " + state.resolve("run-local.out") + " and the logs in " + state.resolve("run/logs"));
			}
		}

		int script(String... args) {
			List<String> command = Stream.concat(Stream.of(root.resolve("run-local.sh").toString()), Stream.of(args))
				.toList();
			// the script's own lines go to a file: written straight to this JVM's output they would
			// garble the test runner's channel
			Path output = state.resolve("run-local.out");
			try {
				Files.createDirectories(state);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
			builder.environment().put("NEWSROOM_DATA_ROOT", state.resolve("data").toString());
			builder.environment().put("NEWSROOM_STATE_DIR", state.resolve("run").toString());
			builder.environment().put("NEWSROOM_DEMO", "false");
			builder.environment().put("NEWSROOM_STORE_PORT_BASE", Integer.toString(STORE_PORT_BASE));
			builder.environment().put("NEWSROOM_REDIS_PORT", Integer.toString(REDIS_PORT));
			builder.environment().put("NEWSROOM_PAGES_ARTICLETIMEOUT", PAGE_ARTICLE_TIMEOUT.toMillis() + "ms");
			builder.environment().put("NEWSROOM_PAGES_LEADIMAGETIMEOUT", PAGE_LEAD_IMAGE_TIMEOUT.toMillis() + "ms");
			builder.environment().put("NEWSROOM_PAGES_TOPTIMEOUT", PAGE_TOP_TIMEOUT.toMillis() + "ms");
			builder.environment().put("NEWSROOM_PAGES_RELATEDTIMEOUT", PAGE_RELATED_TIMEOUT.toMillis() + "ms");
			// the gateway's breakers all take resilience4j.circuitbreaker.configs.default
			builder.environment()
				.put("RESILIENCE4J_CIRCUITBREAKER_CONFIGS_DEFAULT_WAITDURATIONINOPENSTATE",
						BREAKER_WAIT_IN_OPEN.toMillis() + "ms");
			builder.environment().putAll(settings);
			try {
				Process process = builder.start();
				if (!process.waitFor(10, TimeUnit.MINUTES)) {
					process.destroyForcibly();
					return -1;
				}
				return process.exitValue();
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return -1;
			}
		}

		private static boolean inUse(int port) {
			try (Socket socket = new Socket("127.0.0.1", port)) {
				return true;
			}
			catch (IOException e) {
				return false;
			}
		}

		private static void deleteRecursively(Path dir) {
			if (!Files.exists(dir)) {
				return;
			}
			try (Stream<Path> paths = Files.walk(dir)) {
				paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
	}
}
