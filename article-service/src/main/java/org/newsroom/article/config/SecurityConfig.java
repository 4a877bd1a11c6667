package org.newsroom.article.config;

import org.newsroom.platform.security.ServletApiSecurity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	@Bean
	SecurityFilterChain api(HttpSecurity http, ServletApiSecurity security) throws Exception {
		return security.build(http, rules -> {
		});
	}
}
