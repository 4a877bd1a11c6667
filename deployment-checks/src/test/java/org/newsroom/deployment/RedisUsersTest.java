package org.newsroom.deployment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.Container;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Redis the replicas share, started here as each overlay and Compose start it (their own
 * arguments and passwords, a real redis-server): each application signs in with the URL it is
 * given and reaches its own keys only. ranking-service, which takes the public's beacons, cannot
 * read the gateway's keys, among them the desk's sessions with editors' tokens; neither runs admin
 * or dangerous commands; a connection that has not signed in may only PING (the probes).
 */
class RedisUsersTest {

	static Stream<Arguments> deployments() {
		List<Arguments> deployments = new ArrayList<>();
		for (String overlay : Kustomize.OVERLAYS) {
			Manifests manifests = Kustomize.render(overlay);
			Container redis = manifests.workload("redis").containers().get(0);
			Map<String, String> environment = manifests.environment(redis);
			deployments.add(Arguments.of(overlay,
					redis.getArgs().stream().map(argument -> Manifests.expanded(argument, environment)).toList(),
					SharedStateTest.environment(manifests, "gateway").get("SPRING_DATA_REDIS_URL"),
					SharedStateTest.environment(manifests, "ranking-service").get("SPRING_DATA_REDIS_URL")));
		}
		ComposeFile compose = ComposeFile.read();
		List<String> command = YamlTree.list(compose.service("redis"), "command").stream().map(String::valueOf).toList();
		assertThat(command.get(0)).isEqualTo("redis-server");
		deployments.add(Arguments.of(ComposeFile.FILE, command.subList(1, command.size()),
				compose.environment("gateway").get("SPRING_DATA_REDIS_URL"),
				compose.environment("ranking-service").get("SPRING_DATA_REDIS_URL")));
		return deployments.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("deployments")
	void eachApplicationReachesItsOwnKeysOnly(String where, List<String> arguments, String gatewayUrl, String rankingUrl)
			throws Exception {
		try (Redis redis = Redis.start(arguments)) {
			try (Connection anyone = redis.connect()) {
				assertThat(anyone.send("PING")).isEqualTo("+PONG");
				assertThat(anyone.send("GET", "newsroom:desk:sessions:x")).startsWith("-NOPERM");
			}
			try (Connection gateway = redis.signIn(URI.create(gatewayUrl))) {
				assertThat(gateway.send("HSET", "newsroom:desk:sessions:s1", "sessionAttr:token", "t")).isEqualTo(":1");
				assertThat(gateway.send("EVAL", "return redis.call('INCR', KEYS[1])", "1", "newsroom:edge:general:{a}"))
					.isEqualTo(":1");
				assertThat(gateway.send("PUBLISH", "newsroom:edge:lockouts", "a 1000")).startsWith(":");
				assertThat(gateway.send("GET", "rankings:seen:x")).startsWith("-NOPERM");
				assertThat(gateway.send("FLUSHALL")).startsWith("-NOPERM");
				assertThat(gateway.send("CONFIG", "GET", "requirepass")).startsWith("-NOPERM");
			}
			try (Connection ranking = redis.signIn(URI.create(rankingUrl))) {
				// its scripts name their keys in arguments: Redis checks what a script's calls touch too
				assertThat(ranking.send("EVAL", "return redis.call('SET', ARGV[1], '1')", "0", "rankings:seen:x"))
					.isEqualTo("+OK");
				assertThat(ranking.send("HGETALL", "newsroom:desk:sessions:s1")).startsWith("-NOPERM");
				assertThat(ranking.send("EVAL", "return redis.call('HGETALL', ARGV[1])", "0", "newsroom:desk:sessions:s1"))
					.startsWith("-").containsAnyOf("NOPERM", "can't access");
				assertThat(ranking.send("PUBLISH", "newsroom:edge:lockouts", "a 1000")).startsWith("-NOPERM");
				assertThat(ranking.send("KEYS", "*")).startsWith("-NOPERM");
			}
		}
	}

	/** A redis-server on a free loopback port with the deployment's arguments. */
	private record Redis(Process process, int port) implements AutoCloseable {

		static Redis start(List<String> arguments) throws IOException, InterruptedException {
			int port;
			try (ServerSocket socket = new ServerSocket(0)) {
				port = socket.getLocalPort();
			}
			List<String> command = new ArrayList<>(List.of("redis-server"));
			command.addAll(arguments);
			command.addAll(List.of("--port", Integer.toString(port), "--bind", "127.0.0.1", "--dir",
					System.getProperty("java.io.tmpdir")));
			Process process;
			try {
				process = new ProcessBuilder(command).redirectErrorStream(true)
					.redirectOutput(ProcessBuilder.Redirect.DISCARD)
					.start();
			}
			catch (IOException missing) {
				throw new IllegalStateException("redis-server is needed (Debian: apt-get install redis-server)", missing);
			}
			Redis redis = new Redis(process, port);
			long deadline = System.nanoTime() + 10_000_000_000L;
			while (true) {
				try (Connection probe = redis.connect()) {
					if ("+PONG".equals(probe.send("PING"))) {
						return redis;
					}
				}
				catch (UncheckedIOException notYet) {
					if (!process.isAlive() || System.nanoTime() > deadline) {
						redis.close();
						throw new IllegalStateException("redis-server did not start with " + arguments, notYet);
					}
					Thread.sleep(50);
				}
			}
		}

		Connection connect() {
			return new Connection(port);
		}

		/** Connected and signed in as the URL's user with its password. */
		Connection signIn(URI url) {
			String[] user = url.getRawUserInfo().split(":", 2);
			Connection connection = connect();
			assertThat(connection.send("AUTH", user[0], user[1])).as("AUTH as %s", user[0]).isEqualTo("+OK");
			return connection;
		}

		@Override
		public void close() {
			process.destroy();
		}
	}

	/** One connection speaking RESP: each reply's first line (an error, a status, a count, a length). */
	private static final class Connection implements AutoCloseable {

		private final Socket socket;
		private final BufferedReader replies;

		Connection(int port) {
			try {
				socket = new Socket("127.0.0.1", port);
				socket.setSoTimeout(5000);
				replies = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}

		String send(String... words) {
			StringBuilder request = new StringBuilder("*").append(words.length).append("\r\n");
			for (String word : words) {
				request.append('$').append(word.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(word).append("\r\n");
			}
			try {
				OutputStream out = socket.getOutputStream();
				out.write(request.toString().getBytes(StandardCharsets.UTF_8));
				out.flush();
				return replies.readLine();
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}

		@Override
		public void close() throws IOException {
			socket.close();
		}
	}
}
