package org.newsroom.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code newsroom-platform-defaults.yml} below every other property source, so that the
 * settings all four applications share (token validation, actuator, graceful shutdown, strict
 * JSON) live in one file, and a service's own {@code application.yml} or an env var still wins.
 */
public class PlatformDefaults implements EnvironmentPostProcessor, Ordered {

	static final String RESOURCE = "newsroom-platform-defaults.yml";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		try {
			new YamlPropertySourceLoader().load("newsroomPlatformDefaults", new ClassPathResource(RESOURCE))
				.forEach(source -> environment.getPropertySources().addLast(source));
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read " + RESOURCE, e);
		}
	}

	@Override
	public int getOrder() {
		return ConfigDataEnvironmentPostProcessor.ORDER + 1;
	}
}
