package org.newsroom.media.config;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TimeConfig {

	/** One clock for every "now", so tests can reason about time. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}
}
