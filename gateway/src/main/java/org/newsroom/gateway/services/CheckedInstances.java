package org.newsroom.gateway.services;

import java.util.List;

import reactor.core.publisher.Flux;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.DelegatingServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;

/**
 * The instances that passed their last liveness check, or all of them when none did. A check
 * can fail for the checker's own reasons (a gateway or a machine so busy that the answer takes
 * longer than the interval); with no instance left, every call would be refused at once, where
 * trying them costs a connection attempt and the edge's breakers and retries still apply.
 */
final class CheckedInstances extends DelegatingServiceInstanceListSupplier {

	private final List<ServiceInstance> all;

	CheckedInstances(ServiceInstanceListSupplier checked, List<ServiceInstance> all) {
		super(checked);
		this.all = List.copyOf(all);
	}

	@Override
	public Flux<List<ServiceInstance>> get() {
		return getDelegate().get().map(alive -> alive.isEmpty() ? all : alive);
	}
}
