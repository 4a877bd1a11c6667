package org.newsroom.ranking.counting;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy between the service and the wire-protocol MongoDB that fails the way networks and
 * databases fail: it can cut a connection right after MongoDB applied a bucket update but before
 * its answer reaches the service (the case that tempts a naive retry to count twice), refuse
 * all connections (the store is down), or hold every answer back (the store is slow).
 */
final class FlakyMongoProxy implements AutoCloseable {

	private static final byte[] UPDATE = "update".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] BUCKETS = HourlyBuckets.COLLECTION.getBytes(StandardCharsets.US_ASCII);

	private final int targetPort;
	private final ServerSocket server;
	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
	private final AtomicBoolean loseNextUpdateAnswer = new AtomicBoolean();
	private final AtomicInteger answersLost = new AtomicInteger();
	private final AtomicInteger updatesSeenWhileStalled = new AtomicInteger();
	private volatile boolean down;
	private volatile boolean stalled;
	private volatile boolean closed;

	FlakyMongoProxy(int targetPort) throws IOException {
		this.targetPort = targetPort;
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::accept, "flaky-mongo-accept");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	int port() {
		return server.getLocalPort();
	}

	/** The next bucket update reaches MongoDB, but its answer never reaches the service. */
	void loseNextUpdateAnswer() {
		loseNextUpdateAnswer.set(true);
	}

	int answersLost() {
		return answersLost.get();
	}

	/** Closes every connection and refuses new ones. */
	void down() {
		down = true;
		sockets.forEach(FlakyMongoProxy::closeQuietly);
	}

	void up() {
		down = false;
	}

	/** Holds every answer back until {@link #resume()}: MongoDB has become very slow. */
	void stall() {
		stalled = true;
	}

	void resume() {
		stalled = false;
	}

	int updatesSeenWhileStalled() {
		return updatesSeenWhileStalled.get();
	}

	private void accept() {
		while (!closed) {
			try {
				Socket client = server.accept();
				if (down) {
					client.close();
					continue;
				}
				Socket mongo = new Socket();
				mongo.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort));
				sockets.add(client);
				sockets.add(mongo);
				AtomicBoolean dropAnswer = new AtomicBoolean();
				start(() -> requests(client, mongo, dropAnswer));
				start(() -> answers(mongo, client, dropAnswer));
			}
			catch (IOException e) {
				// closed, or a connection that failed: the driver opens another
			}
		}
	}

	private void requests(Socket client, Socket mongo, AtomicBoolean dropAnswer) {
		byte[] buffer = new byte[64 * 1024];
		try (InputStream in = client.getInputStream(); OutputStream out = mongo.getOutputStream()) {
			int read;
			while ((read = in.read(buffer)) >= 0) {
				boolean bucketUpdate = contains(buffer, read, UPDATE) && contains(buffer, read, BUCKETS);
				if (bucketUpdate && stalled) {
					updatesSeenWhileStalled.incrementAndGet();
				}
				if (bucketUpdate && loseNextUpdateAnswer.compareAndSet(true, false)) {
					dropAnswer.set(true);
				}
				out.write(buffer, 0, read);
				out.flush();
			}
		}
		catch (IOException e) {
			// connection closed
		}
		finally {
			closeQuietly(client);
			closeQuietly(mongo);
			sockets.remove(client);
			sockets.remove(mongo);
		}
	}

	private void answers(Socket mongo, Socket client, AtomicBoolean dropAnswer) {
		byte[] buffer = new byte[64 * 1024];
		try (InputStream in = mongo.getInputStream(); OutputStream out = client.getOutputStream()) {
			int read;
			while ((read = in.read(buffer)) >= 0) {
				while (stalled && !closed) {
					Thread.sleep(10);
				}
				if (dropAnswer.get()) {
					// MongoDB has applied the update; the service never hears of it
					answersLost.incrementAndGet();
					break;
				}
				out.write(buffer, 0, read);
				out.flush();
			}
		}
		catch (IOException e) {
			// connection closed
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		finally {
			closeQuietly(client);
			closeQuietly(mongo);
			sockets.remove(client);
			sockets.remove(mongo);
		}
	}

	private static boolean contains(byte[] buffer, int length, byte[] part) {
		outer: for (int i = 0; i + part.length <= length; i++) {
			for (int j = 0; j < part.length; j++) {
				if (buffer[i + j] != part[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

	private static void start(Runnable pump) {
		Thread thread = new Thread(pump, "flaky-mongo-pump");
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException e) {
			// already closed
		}
	}

	@Override
	public void close() {
		closed = true;
		closeQuietly(server);
		sockets.forEach(FlakyMongoProxy::closeQuietly);
	}

	private static void closeQuietly(ServerSocket socket) {
		try {
			socket.close();
		}
		catch (IOException e) {
			// already closed
		}
	}
}
