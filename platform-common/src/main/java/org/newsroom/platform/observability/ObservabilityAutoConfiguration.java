package org.newsroom.platform.observability;

import io.micrometer.context.ContextRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Request ids for every application that has platform-common: a filter for the servlet services,
 * and customizers that pass the id on through Boot-built RestClients and WebClients. A reactive
 * application registers its own filter: ranking-service the {@link ReactiveRequestIdFilter}, the
 * gateway its edge entry, which settles request id and trace context in one step. Trace context
 * ({@code traceparent}) comes from Micrometer Tracing with the OpenTelemetry bridge, which Boot
 * configures from the same dependency set; the shared defaults put both ids into every log line.
 */
@AutoConfiguration
public class ObservabilityAutoConfiguration {

	static {
		ContextRegistry.getInstance().registerThreadLocalAccessor(new RequestIdMdcAccessor());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	static class Servlet {

		@Bean
		FilterRegistrationBean<ServletRequestIdFilter> requestIdFilter() {
			FilterRegistrationBean<ServletRequestIdFilter> registration = new FilterRegistrationBean<>(
					new ServletRequestIdFilter());
			// ahead of Spring Security, so refused requests are logged with their id too
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
			return registration;
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.restclient.RestClientCustomizer")
	static class OutgoingRestClient {

		@Bean
		RequestIdRestClientCustomizer requestIdRestClientCustomizer() {
			return new RequestIdRestClientCustomizer();
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.webclient.WebClientCustomizer")
	static class OutgoingWebClient {

		@Bean
		RequestIdWebClientCustomizer requestIdWebClientCustomizer() {
			return new RequestIdWebClientCustomizer();
		}
	}
}
