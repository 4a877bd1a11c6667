package org.newsroom.gateway.services;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The rotation after the liveness checks: the instances that passed, or all when none did. */
class CheckedInstancesTest {

	private final List<ServiceInstance> both = ServiceBalancing.instances("ranking-service",
			List.of(URI.create("http://localhost:8083"), URI.create("http://localhost:8183")));

	@Test
	void theInstancesThatPassedTheirCheckAreTheRotation() {
		ServiceInstanceListSupplier rounds = checks(List.of(both.get(1)), both);

		assertThat(new CheckedInstances(rounds, both).get().collectList().block())
			.containsExactly(List.of(both.get(1)), both);
	}

	@Test
	void whenNoInstancePassedItsCheckAllOfThemAreTried() {
		ServiceInstanceListSupplier rounds = checks(List.of(), List.of(both.get(0)));

		assertThat(new CheckedInstances(rounds, both).get().collectList().block())
			.containsExactly(both, List.of(both.get(0)));
	}

	/** A health-checked list that answered these rounds. */
	@SafeVarargs
	private static ServiceInstanceListSupplier checks(List<ServiceInstance>... rounds) {
		return new ServiceInstanceListSupplier() {

			@Override
			public String getServiceId() {
				return "ranking-service";
			}

			@Override
			public Flux<List<ServiceInstance>> get() {
				return Flux.just(rounds);
			}
		};
	}
}
