package org.newsroom.media.config;

import org.newsroom.platform.change.ChangeLogConfiguration;
import org.newsroom.platform.http.ShallowEtags;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

/**
 * What readers' caches need from media-service: the change log of photos (edits and takedowns,
 * published at /internal/changes for the gateway's page cache), and ETags with 304s for photo
 * records and lists (renditions and originals carry their own).
 */
@Configuration(proxyBeanMethods = false)
@Import(ChangeLogConfiguration.class)
class ChangesConfig {

	@Bean
	FilterRegistrationBean<ShallowEtags> readerEtags() {
		FilterRegistrationBean<ShallowEtags> registration = new FilterRegistrationBean<>(
				new ShallowEtags("/api/media", "/api/media/{id}"));
		// inside Spring Security's chain, so the answer's Cache-Control is the controller's own
		registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
		return registration;
	}
}
