package org.newsroom.gateway.services;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Configuration;

/**
 * Spring Cloud LoadBalancer over the instances listed in {@link ServiceReplicas}: each service
 * name gets a fixed list of instances, chosen round-robin. With more than one instance, the list
 * is health-checked ({@code spring.cloud.loadbalancer.health-check.*} in application.yml: each
 * instance's liveness, every few seconds), so an instance that died leaves the rotation within
 * one interval instead of taking its share of every request; until then the edge's retries
 * (proxied GET and HEAD) and the balanced WebClient's retry on the next instance (the gateway's
 * own GETs) carry a call that could not connect to the other one. A single instance is not
 * checked: there is nothing to choose instead, and a check would only delay its return after a
 * restart by up to an interval.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ServiceReplicas.class)
@LoadBalancerClients(defaultConfiguration = ServiceInstances.class)
class ServiceBalancing {

	/** The instances at these base URLs, numbered from 1 in their order. */
	static List<ServiceInstance> instances(String service, List<URI> urls) {
		List<ServiceInstance> instances = new ArrayList<>();
		for (URI url : urls) {
			instances.add(instance(service, instances.size() + 1, url));
		}
		return instances;
	}

	/**
	 * An instance at a base URL; a URL the gateway could not call (no http(s) scheme or host, or a
	 * path: calls by name keep only scheme, host and port) stops the start with its name.
	 */
	static ServiceInstance instance(String service, int number, URI url) {
		String scheme = url.getScheme();
		boolean secure = "https".equalsIgnoreCase(scheme);
		if (!secure && !"http".equalsIgnoreCase(scheme) || url.getHost() == null
				|| url.getRawPath() != null && !url.getRawPath().isEmpty() && !"/".equals(url.getRawPath())
				|| url.getRawQuery() != null) {
			throw new IllegalArgumentException("newsroom.services: " + service + " instance " + number + " ('" + url
					+ "') must be a base URL such as http://host:8081 (scheme, host, optional port; no path)");
		}
		int port = url.getPort() != -1 ? url.getPort() : secure ? 443 : 80;
		return new DefaultServiceInstance(service + "-" + number, service, url.getHost(), port, secure);
	}
}
