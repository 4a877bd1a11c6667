package org.newsroom.gateway.services;

import java.util.List;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.cloud.loadbalancer.support.ServiceInstanceListSuppliers;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The instances of one service, in that service's own load-balancer context (Spring Cloud
 * LoadBalancer makes one per name; {@link ServiceBalancing} names this class its configuration).
 * Deliberately not a {@code @Configuration}: the gateway's own context must not pick it up.
 */
class ServiceInstances {

	@Bean
	ServiceInstanceListSupplier instanceList(ConfigurableApplicationContext context, Environment environment,
			ServiceReplicas replicas) {
		String service = LoadBalancerClientFactory.getName(environment);
		List<ServiceInstance> instances = ServiceBalancing.instances(service, replicas.of(service));
		ServiceInstanceListSupplier listed = ServiceInstanceListSuppliers.from(service,
				instances.toArray(ServiceInstance[]::new));
		if (instances.size() < 2) {
			return listed;
		}
		return ServiceInstanceListSupplier.builder()
			.withBase(listed)
			.withHealthChecks()
			.with((ignored, checked) -> new CheckedInstances(checked, instances))
			.build(context);
	}
}
