package org.newsroom.article.config;

import org.newsroom.platform.http.ShallowEtags;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * ETags and 304s for the readers' answers that have no version of their own: lists, summaries,
 * ninjs, feeds and the sitemap (an article's own ETag is its version).
 */
@Configuration(proxyBeanMethods = false)
class ReaderEtagsConfig {

	@Bean
	FilterRegistrationBean<ShallowEtags> readerEtags() {
		FilterRegistrationBean<ShallowEtags> registration = new FilterRegistrationBean<>(new ShallowEtags(
				"/api/articles", "/api/articles/summaries", "/api/articles/{id}/ninjs", "/feeds/**", "/sitemaps/**"));
		// inside Spring Security's chain, so the answer's Cache-Control is the controller's own
		registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
		return registration;
	}
}
