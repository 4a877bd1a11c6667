package org.newsroom.platform.change;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The settings every follower of a change log shares ({@link ChangeSettings}), and the feed of a
 * service that records its changes (a {@link ChangeLog} bean) at {@value ChangeFeed#PATH}.
 */
@AutoConfiguration
@EnableConfigurationProperties(ChangeSettings.class)
public class ChangeFeedAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnBean(ChangeLog.class)
	static class Feed {

		@Bean
		ChangeFeed changeFeed(ChangeLog log) {
			return new ChangeFeed(log);
		}
	}
}
