package org.newsroom.gateway.edge;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Writes the gateway's access log: one JSON object per request on its own line of standard
 * output, whatever format the application log uses, so log shippers can parse it as it is.
 * The logger is {@code newsroom.access}; set its level to OFF to silence it.
 *
 * <p>Lines go through a bounded in-memory queue to a background writer: the request threads
 * are Netty's event loops, and a blocking write to stdout there cost a third of the gateway's
 * throughput (bench/gateway.sh). When the writer cannot keep up and the queue
 * ({@value #QUEUE_LINES} lines) is full, new lines are dropped rather than slowing requests, and
 * counted in {@code gateway_access_log_dropped_total}.
 */
@Component
public class AccessLog {

	static final String LOGGER = "newsroom.access";

	private static final String APPENDER = "newsroom-access-json";

	static final int QUEUE_LINES = 16_384;

	private static volatile AsyncAppender queue;

	private final JsonMapper json;
	private final Counter dropped;

	public AccessLog(JsonMapper json, MeterRegistry meters) {
		this.json = json;
		this.dropped = Counter.builder("gateway.access.log.dropped")
			.description("Access log lines not written because the writer could not keep up")
			.register(meters);
	}

	/** One request: method, path, status, duration, ids and client. */
	public record Entry(Instant at, String method, String path, int status, long durationMs, String requestId,
			String traceId, String client, String route) {
	}

	public void write(Entry entry) {
		Logger logger = logger();
		if (!logger.isInfoEnabled()) {
			return;
		}
		if (queue != null && queue.getRemainingCapacity() == 0) {
			// counted, never silent: gateway_access_log_dropped_total
			dropped.increment();
			return;
		}
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("@timestamp", entry.at().toString());
		line.put("type", "access");
		line.put("method", entry.method());
		line.put("path", entry.path());
		line.put("status", entry.status());
		line.put("durationMs", entry.durationMs());
		line.put("requestId", entry.requestId());
		line.put("traceId", entry.traceId());
		line.put("client", entry.client());
		if (entry.route() != null) {
			line.put("route", entry.route());
		}
		logger.info(json.writeValueAsString(line));
	}

	/**
	 * The access logger with its own plain-message console appender. Attached on first use and
	 * again after Boot re-initialises logging (which drops appenders added in code).
	 */
	private static Logger logger() {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		Logger logger = context.getLogger(LOGGER);
		if (logger.getAppender(APPENDER) == null) {
			synchronized (AccessLog.class) {
				if (logger.getAppender(APPENDER) == null) {
					PatternLayoutEncoder encoder = new PatternLayoutEncoder();
					encoder.setContext(context);
					encoder.setPattern("%msg%n");
					encoder.start();
					ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
					console.setName(APPENDER + "-console");
					console.setContext(context);
					console.setEncoder(encoder);
					console.start();
					AsyncAppender queued = new AsyncAppender();
					queued.setName(APPENDER);
					queued.setContext(context);
					queued.setQueueSize(QUEUE_LINES);
					// every level is an access line: never discard by level, only when full
					queued.setDiscardingThreshold(0);
					queued.setNeverBlock(true);
					queued.addAppender(console);
					queued.start();
					queue = queued;
					logger.addAppender(queued);
					logger.setAdditive(false);
				}
			}
		}
		return logger;
	}
}
