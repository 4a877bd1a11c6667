package org.newsroom.gateway.edge;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Writes the gateway's access log: one JSON object per request on its own line of standard
 * output, whatever format the application log uses, so log shippers can parse it as it is.
 * The logger is {@code newsroom.access}; set its level to OFF to silence it.
 */
@Component
public class AccessLog {

	static final String LOGGER = "newsroom.access";

	private static final String APPENDER = "newsroom-access-json";

	private final JsonMapper json;

	public AccessLog(JsonMapper json) {
		this.json = json;
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
					ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
					appender.setName(APPENDER);
					appender.setContext(context);
					appender.setEncoder(encoder);
					appender.start();
					logger.addAppender(appender);
					logger.setAdditive(false);
				}
			}
		}
		return logger;
	}
}
