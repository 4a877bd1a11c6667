package org.newsroom.gateway.edge.logging;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.newsroom.gateway.edge.JsonText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Writes the gateway's access log: one JSON object per request on its own line of standard
 * output, whatever format the application log uses, so log shippers can parse it as it is.
 * Setting the logger {@code newsroom.access} to OFF silences it.
 *
 * <p>The request threads are Netty's event loops, which must never wait on a write to stdout:
 * they put each line into a lock-free queue, and one background thread writes the lines in
 * batches, every {@value #WRITE_EVERY_MILLIS} ms or as soon as {@value #WAKE_AT_LINES} are
 * waiting (waking the writer for every line cost a thread switch per request). When the writer
 * cannot keep up and {@value #QUEUE_LINES} lines are waiting, new lines are dropped rather than
 * slowing requests, and counted in {@code gateway_access_log_dropped_total}. (A Logback async
 * appender did the same job with a lock every request thread queued on.)
 */
@Component
public class AccessLog implements DisposableBean {

	static final String LOGGER = "newsroom.access";

	static final int QUEUE_LINES = 16_384;

	/** Lines written to stdout in one go. */
	private static final int BATCH_CHARS = 64 * 1024;

	static final int WRITE_EVERY_MILLIS = 20;

	static final int WAKE_AT_LINES = 512;

	private final Logger switchLogger = LoggerFactory.getLogger(LOGGER);
	private final Queue<String> lines = new ConcurrentLinkedQueue<>();
	private final AtomicInteger waiting = new AtomicInteger();
	private final Counter dropped;
	private final Thread writer;
	private volatile boolean writerIdle;
	private volatile boolean closed;

	public AccessLog(MeterRegistry meters) {
		this.dropped = Counter.builder("gateway.access.log.dropped")
			.description("Access log lines not written because the writer could not keep up")
			.register(meters);
		this.writer = new Thread(this::writeLines, "access-log-writer");
		this.writer.setDaemon(true);
		this.writer.start();
	}

	/** One request: method, path, status, duration, ids and client. */
	public record Entry(Instant at, String method, String path, int status, long durationMs, String requestId,
			String traceId, String client, String route) {
	}

	public void write(Entry entry) {
		if (closed || !switchLogger.isInfoEnabled()) {
			return;
		}
		if (waiting.incrementAndGet() > QUEUE_LINES) {
			waiting.decrementAndGet();
			// counted, never silent: gateway_access_log_dropped_total
			dropped.increment();
			return;
		}
		lines.offer(line(entry));
		if (writerIdle && waiting.get() >= WAKE_AT_LINES) {
			LockSupport.unpark(writer);
		}
	}

	/**
	 * The entry as one line of JSON, written directly: a fixed set of fields needs no object
	 * mapper, and this runs once per request.
	 */
	static String line(Entry entry) {
		StringBuilder line = new StringBuilder(256);
		line.append("{\"@timestamp\":");
		JsonText.append(line, entry.at().toString());
		line.append(",\"type\":\"access\",\"method\":");
		JsonText.append(line, entry.method());
		line.append(",\"path\":");
		JsonText.append(line, entry.path());
		line.append(",\"status\":").append(entry.status());
		line.append(",\"durationMs\":").append(entry.durationMs());
		line.append(",\"requestId\":");
		JsonText.append(line, entry.requestId());
		line.append(",\"traceId\":");
		JsonText.append(line, entry.traceId());
		line.append(",\"client\":");
		JsonText.append(line, entry.client());
		if (entry.route() != null) {
			line.append(",\"route\":");
			JsonText.append(line, entry.route());
		}
		return line.append('}').toString();
	}

	private void writeLines() {
		StringBuilder batch = new StringBuilder(BATCH_CHARS + 1024);
		while (!closed || !lines.isEmpty()) {
			String line = lines.poll();
			if (line != null) {
				waiting.decrementAndGet();
				batch.append(line).append('\n');
				if (batch.length() < BATCH_CHARS) {
					continue;
				}
			}
			flush(batch);
			if (line == null) {
				writerIdle = true;
				if (waiting.get() < WAKE_AT_LINES && !closed) {
					LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(WRITE_EVERY_MILLIS));
				}
				writerIdle = false;
			}
		}
		flush(batch);
	}

	private static void flush(StringBuilder batch) {
		if (batch.isEmpty()) {
			return;
		}
		// looked up each time: tests (and tools) may replace System.out
		PrintStream out = System.out;
		out.print(batch);
		out.flush();
		batch.setLength(0);
	}

	/** Writes what is still queued when the application stops. */
	@Override
	public void destroy() throws InterruptedException {
		closed = true;
		LockSupport.unpark(writer);
		writer.join(TimeUnit.SECONDS.toMillis(5));
	}
}
