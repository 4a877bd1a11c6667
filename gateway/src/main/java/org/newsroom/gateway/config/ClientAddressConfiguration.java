package org.newsroom.gateway.config;

import org.newsroom.gateway.edge.EdgeProperties;
import org.newsroom.platform.web.ClientAddresses;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClientAddressConfiguration {

	/**
	 * Who the client is, for the rate limits, the access log and the {@code X-Forwarded-*} headers
	 * passed on: the load balancers and ingress of {@code newsroom.edge.trusted-proxies} are believed.
	 */
	@Bean
	ClientAddresses clientAddresses(EdgeProperties properties) {
		return new ClientAddresses(properties.trustedProxies());
	}
}
