package org.newsroom.platform.openapi;

import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The API document's shared parts, in every application that serves one (springdoc present). */
@AutoConfiguration
@ConditionalOnClass(OpenApiCustomizer.class)
@EnableConfigurationProperties(ApiDocumentProperties.class)
public class ApiDocumentAutoConfiguration {

	@Bean
	ApiDocument apiDocument(ApiDocumentProperties properties) {
		return new ApiDocument(properties);
	}

	@Bean
	EdgeAnswers edgeAnswers() {
		return new EdgeAnswers();
	}

	@Bean
	ProblemAnswers problemAnswers() {
		return new ProblemAnswers();
	}
}
