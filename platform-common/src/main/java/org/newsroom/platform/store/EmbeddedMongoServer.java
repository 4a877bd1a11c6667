package org.newsroom.platform.store;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.ZipOutputStream;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process MongoDB wire-protocol server (mongo-java-server with its H2 MVStore backend),
 * listening on a free loopback port. The application's MongoDB driver talks to it exactly as it
 * would talk to mongod. {@link #stop()} closes the store file cleanly; it runs after the
 * application's MongoDB client is closed because that client depends on this bean.
 */
public final class EmbeddedMongoServer {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

	private final MongoServer server;
	private final H2Backend backend;
	private final InetSocketAddress address;
	private final Path file;

	private EmbeddedMongoServer(MongoServer server, H2Backend backend, InetSocketAddress address, Path file) {
		this.server = server;
		this.backend = backend;
		this.address = address;
		this.file = file;
	}

	/**
	 * Opens (or creates) the store file and starts listening on the port (0: any free one).
	 * With {@code writeThrough}, every change is in the file before it is acknowledged
	 * ({@link WriteThroughBackend}).
	 */
	public static EmbeddedMongoServer start(Path file, int port, boolean writeThrough) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot create the embedded store's directory for " + file, e);
		}
		H2Backend backend = writeThrough ? new WriteThroughBackend(file.toString()) : new H2Backend(file.toString());
		MongoServer server = new MongoServer(backend);
		InetSocketAddress address = bind(server, port);
		log.info("Embedded MongoDB store {} listening on {}:{} (no spring.mongodb.uri set; {})", file.toAbsolutePath(),
				address.getHostString(), address.getPort(),
				writeThrough ? "every write committed before it is acknowledged" : "committed once a second");
		return new EmbeddedMongoServer(server, backend, address, file);
	}

	/** A store that keeps nothing after the process ends. */
	public static EmbeddedMongoServer startInMemory(int port) {
		H2Backend backend = H2Backend.inMemory();
		MongoServer server = new MongoServer(backend);
		InetSocketAddress address = bind(server, port);
		log.info("Embedded in-memory MongoDB store listening on {}:{}", address.getHostString(), address.getPort());
		return new EmbeddedMongoServer(server, backend, address, null);
	}

	private static InetSocketAddress bind(MongoServer server, int port) {
		server.bind("127.0.0.1", port);
		return server.getLocalAddress();
	}

	public String connectionString() {
		return "mongodb://" + address.getHostString() + ":" + address.getPort();
	}

	public int port() {
		return address.getPort();
	}

	/** Whether there is a file to back up (not an in-memory store). */
	public boolean persistent() {
		return file != null;
	}

	/**
	 * Writes a consistent copy of the store file, as a zip archive of one entry, while the store
	 * goes on taking writes: MVStore's own hot backup, which stops reusing free space in the file
	 * while it copies, so that the last committed version it copies is whole. The entry is the
	 * store file to put back in place of the live one ({@code run-local.sh --restore}).
	 */
	public void backup(OutputStream out) throws IOException {
		if (file == null) {
			throw new IllegalStateException("an in-memory store has no file to back up");
		}
		ZipOutputStream zip = new ZipOutputStream(out);
		backend.getMvStore().getFileStore().backup(zip);
		zip.finish();
	}

	/**
	 * Closes client connections, stops the server and closes the store file. Bounded: a stuck
	 * server thread must never keep the JVM from exiting (every acknowledged write is already in
	 * the file).
	 */
	public void stop() {
		Thread stopper = new Thread(server::shutdownNow, "embedded-mongo-stop");
		stopper.setDaemon(true);
		stopper.start();
		try {
			stopper.join(STOP_TIMEOUT.toMillis());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		if (stopper.isAlive()) {
			log.error("Embedded MongoDB store did not stop within {}; exiting without waiting for it", STOP_TIMEOUT);
		}
		else {
			log.info("Embedded MongoDB store {} closed", file != null ? file.toAbsolutePath() : "(in memory)");
		}
	}
}
