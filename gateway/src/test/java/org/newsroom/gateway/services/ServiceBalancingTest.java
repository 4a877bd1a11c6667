package org.newsroom.gateway.services;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.cloud.client.ServiceInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

/** How the base URLs of {@code newsroom.services.*} become a service's instances. */
class ServiceBalancingTest {

	@Test
	void eachUrlIsAnInstanceWithItsSchemesPortWhenItNamesNone() {
		List<ServiceInstance> instances = ServiceBalancing.instances("ranking-service",
				List.of(URI.create("http://localhost:8083"), URI.create("https://ranking.example.org/")));

		assertThat(instances).extracting(ServiceInstance::getInstanceId, ServiceInstance::getHost,
				ServiceInstance::getPort, ServiceInstance::isSecure)
			.containsExactly(tuple("ranking-service-1", "localhost", 8083, false),
					tuple("ranking-service-2", "ranking.example.org", 443, true));
	}

	@Test
	void aUrlTheGatewayCouldNotCallStopsTheStartWithItsName() {
		for (String url : new String[] { "http://localhost:8083/prefix", "localhost:8083", "ftp://host:21",
				"http://host:1/?a=b" }) {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> ServiceBalancing.instances("ranking-service", List.of(URI.create(url))))
				.withMessageContaining("ranking-service instance 1")
				.withMessageContaining(url);
		}
	}
}
