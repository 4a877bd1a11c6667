package org.newsroom.gateway.edge;

import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientAddressTest {

	private final ClientAddress behindBalancer = new ClientAddress(properties(List.of("10.0.0.0/8", "::1")));

	@Test
	void withoutTrustedProxiesTheConnectionsPeerIsTheClient() {
		ClientAddress direct = new ClientAddress(properties(List.of()));
		assertThat(direct.of(request("10.1.2.3", "203.0.113.7"))).isEqualTo("10.1.2.3");
	}

	@Test
	void behindATrustedProxyTheNearestUntrustedForwardedAddressIsTheClient() {
		assertThat(behindBalancer.of(request("10.1.2.3", "198.51.100.1, 203.0.113.7, 10.9.9.9")))
			.isEqualTo("203.0.113.7");
	}

	@Test
	void aForwardedHeaderFromAnUntrustedPeerIsIgnored() {
		assertThat(behindBalancer.of(request("192.0.2.50", "203.0.113.7"))).isEqualTo("192.0.2.50");
	}

	@Test
	void garbageInTheForwardedHeaderFallsBackToThePeer() {
		assertThat(behindBalancer.of(request("10.1.2.3", "evil.example"))).isEqualTo("10.1.2.3");
		assertThat(behindBalancer.of(request("10.1.2.3", ""))).isEqualTo("10.1.2.3");
	}

	@Test
	void tlsIsBelievedOnlyFromATrustedProxy() {
		MockServerHttpRequest trusted = MockServerHttpRequest.get("/").remoteAddress(new InetSocketAddress("10.0.0.5", 1234))
			.header("X-Forwarded-Proto", "https").build();
		MockServerHttpRequest stranger = MockServerHttpRequest.get("/").remoteAddress(new InetSocketAddress("192.0.2.5", 1234))
			.header("X-Forwarded-Proto", "https").build();
		assertThat(behindBalancer.overTls(trusted)).isTrue();
		assertThat(behindBalancer.overTls(stranger)).isFalse();
	}

	@Test
	void aMistypedProxyRangeStopsTheGatewayFromStarting() {
		assertThatThrownBy(() -> new ClientAddress(properties(List.of("ingress.internal"))))
			.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ingress.internal");
	}

	private static MockServerHttpRequest request(String peer, String forwardedFor) {
		return MockServerHttpRequest.get("/").remoteAddress(new InetSocketAddress(peer, 40000))
			.header("X-Forwarded-For", forwardedFor).build();
	}

	private static EdgeProperties properties(List<String> trusted) {
		EdgeProperties.Breaker breaker = new EdgeProperties.Breaker(50, java.time.Duration.ofSeconds(3), 80, 20, 10,
				java.time.Duration.ofSeconds(10), 3);
		return new EdgeProperties(List.of(), trusted, DataSize.ofMegabytes(1),
				new EdgeProperties.Resilience(2, java.time.Duration.ofMillis(50),
						java.time.Duration.ofMillis(400), 0.5, breaker),
				new EdgeProperties.RateLimits(true, new EdgeProperties.Bucket(200, 50), 20, 0.5, 10,
						java.time.Duration.ofSeconds(60), 1000));
	}
}
