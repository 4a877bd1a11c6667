package org.newsroom.platform.config;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Works around a Reactor Netty HTTP/1.1 server bug in the reactive apps (gateway,
 * ranking-service): a keep-alive request that arrives before the previous request's operations
 * have terminated is queued, and the connection may then never read again, so the client waits
 * for an answer that never comes (reactor/reactor-netty#4347 and #4361, present in the 1.3.x
 * versions Boot 4.0 brings). It showed as about one request in thirty hanging after a fast 503
 * on a reused connection. Reactor Netty's own switch {@code lastFlushWhenNoRead} terminates the
 * previous operations before the next request is looked at, which closes that route.
 *
 * <p>The switch is a JVM system property read once, when Reactor Netty's HTTP handler class is
 * first loaded; this runs before any server starts. An explicit {@code -D} setting wins.
 */
public class KeepAliveReadResumption implements EnvironmentPostProcessor {

	static final String PROPERTY = "reactor.netty.http.server.lastFlushWhenNoRead";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (System.getProperty(PROPERTY) == null) {
			System.setProperty(PROPERTY, "true");
		}
	}
}
