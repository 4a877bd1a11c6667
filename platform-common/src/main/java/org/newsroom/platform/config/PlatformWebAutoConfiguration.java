package org.newsroom.platform.config;

import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.newsroom.platform.problem.ProblemErrorReportValve;
import org.newsroom.platform.problem.ReactiveProblemErrorHandler;
import org.newsroom.platform.problem.ReactiveProblemHandler;
import org.newsroom.platform.problem.ServletProblemErrorController;
import org.newsroom.platform.problem.ServletProblemHandler;
import org.newsroom.platform.security.ReactiveApiSecurity;
import org.newsroom.platform.security.ReactiveProblemAuthHandlers;
import org.newsroom.platform.security.ServletApiSecurity;
import org.newsroom.platform.security.ServletProblemAuthHandlers;
import org.newsroom.platform.web.PathMethodsHandlerMapping;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Registers the shared error and security pieces for whichever web stack the application runs
 * on, ahead of Boot's defaults so those back off.
 */
@AutoConfiguration(beforeName = {
		"org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration",
		"org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration",
		"org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration",
		"org.springframework.boot.webflux.autoconfigure.error.ErrorWebFluxAutoConfiguration" })
public class PlatformWebAutoConfiguration {

	@Bean
	@ConditionalOnClass(JsonMapperBuilderCustomizer.class)
	StrictJsonTypes strictJsonTypes() {
		return new StrictJsonTypes();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	static class Servlet {

		@Bean
		ServletProblemHandler servletProblemHandler() {
			return new ServletProblemHandler();
		}

		@Bean
		ServletProblemErrorController servletProblemErrorController() {
			return new ServletProblemErrorController();
		}

		/** {@code Allow} names the path's own methods (PathMethodsHandlerMapping). */
		@Bean
		WebMvcRegistrations pathMethodsMappings() {
			return new WebMvcRegistrations() {
				@Override
				public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
					return new PathMethodsHandlerMapping();
				}
			};
		}

		@Bean
		@ConditionalOnClass(HttpSecurity.class)
		ServletProblemAuthHandlers servletProblemAuthHandlers(JsonMapper json) {
			return new ServletProblemAuthHandlers(json);
		}

		@Bean
		@ConditionalOnClass(HttpSecurity.class)
		ServletApiSecurity servletApiSecurity(ServletProblemAuthHandlers handlers) {
			return new ServletApiSecurity(handlers);
		}
	}

	/**
	 * Tomcat's error pages as problem+json: {@link ProblemErrorReportValve} replaces the HTML
	 * error report valve on the host (Boot's and Tomcat's default), so even a request Tomcat
	 * refuses before Spring runs gets the platform's answer.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnClass(name = "org.apache.catalina.valves.ErrorReportValve")
	static class TomcatErrors {

		@Bean
		WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> problemErrorReportValve(JsonMapper json) {
			return factory -> factory.addContextCustomizers(context -> {
				Container host = context.getParent();
				host.getPipeline().addValve(new ProblemErrorReportValve(json));
				if (host instanceof StandardHost standard) {
					standard.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
				}
				// the HTML valve Boot adds (before or after this customizer) goes before the first request
				context.addLifecycleListener(event -> {
					if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
						for (Valve valve : host.getPipeline().getValves()) {
							if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
								host.getPipeline().removeValve(valve);
							}
						}
					}
				});
			});
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	static class Reactive {

		@Bean
		ReactiveProblemHandler reactiveProblemHandler() {
			return new ReactiveProblemHandler();
		}

		/** Before Boot's DefaultErrorWebExceptionHandler (order -1). */
		@Bean
		@Order(-2)
		ReactiveProblemErrorHandler reactiveProblemErrorHandler(JsonMapper json) {
			return new ReactiveProblemErrorHandler(json);
		}

		@Bean
		@ConditionalOnClass(ServerHttpSecurity.class)
		ReactiveProblemAuthHandlers reactiveProblemAuthHandlers(JsonMapper json) {
			return new ReactiveProblemAuthHandlers(json);
		}

		@Bean
		@ConditionalOnClass(ServerHttpSecurity.class)
		ReactiveApiSecurity reactiveApiSecurity(ReactiveProblemAuthHandlers handlers) {
			return new ReactiveApiSecurity(handlers);
		}
	}
}
