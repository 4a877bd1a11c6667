package org.newsroom.platform.test;

import java.net.InetSocketAddress;
import java.util.UUID;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A MongoDB wire-protocol server in memory, one per test JVM, on a free port. Each Spring test
 * context gets its own database, so test classes never see each other's documents.
 *
 * <pre>
 * &#64;DynamicPropertySource
 * static void store(DynamicPropertyRegistry registry) {
 *     TestMongo.register(registry);
 * }
 * </pre>
 */
public final class TestMongo {

	private static MongoServer server;
	private static InetSocketAddress address;

	private TestMongo() {
	}

	public static synchronized String uri() {
		if (server == null) {
			server = new MongoServer(new MemoryBackend());
			server.bind("127.0.0.1", 0);
			address = server.getLocalAddress();
			Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "test-mongo-shutdown"));
		}
		return "mongodb://127.0.0.1:" + address.getPort();
	}

	/** Points the application at the shared server and a fresh database; returns the database name. */
	public static String register(DynamicPropertyRegistry registry) {
		String database = "test-" + UUID.randomUUID().toString().substring(0, 8);
		String uri = uri();
		registry.add("spring.mongodb.uri", () -> uri);
		registry.add("spring.mongodb.database", () -> database);
		return database;
	}
}
