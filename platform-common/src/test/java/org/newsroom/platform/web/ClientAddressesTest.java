package org.newsroom.platform.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Which address is the client's, given the connection and X-Forwarded-For: the cases the gateway
 * (behind a load balancer) and ranking-service (behind the gateway) rely on.
 */
class ClientAddressesTest {

	/** The gateway behind a balancer in 10.0.0.0/8. */
	private final ClientAddresses behindBalancer = new ClientAddresses(List.of("10.0.0.0/8", "::1"));

	/** ranking-service's defaults: loopback and the private ranges, where the gateway runs. */
	private final ClientAddresses behindGateway = new ClientAddresses(
			List.of("127.0.0.0/8", "::1/128", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"));

	@Test
	void withoutTrustedProxiesTheConnectionsPeerIsTheClient() throws Exception {
		ClientAddresses direct = new ClientAddresses(List.of());
		assertThat(direct.of(request("10.1.2.3", "203.0.113.7"))).isEqualTo("10.1.2.3");
		assertThat(direct.resolve(from("127.0.0.1"), List.of("203.0.113.9"))).isEqualTo(ip("127.0.0.1"));
	}

	@Test
	void aDirectClientIsItsConnectionsAddressWhateverItClaims() throws Exception {
		assertThat(behindGateway.resolve(from("198.51.100.7"), List.of("203.0.113.1"))).isEqualTo(ip("198.51.100.7"));
		assertThat(behindGateway.resolve(from("198.51.100.7"), (List<String>) null)).isEqualTo(ip("198.51.100.7"));
		assertThat(behindBalancer.of(request("192.0.2.50", "203.0.113.7"))).isEqualTo("192.0.2.50");
	}

	@Test
	void behindTrustedProxiesTheClientIsTheNearestUntrustedHop() throws Exception {
		assertThat(behindBalancer.of(request("10.1.2.3", "198.51.100.1, 203.0.113.7, 10.9.9.9")))
			.isEqualTo("203.0.113.7");
		// client -> ingress 10.1.2.3 -> gateway 10.4.5.6 -> ranking
		assertThat(behindGateway.resolve(from("10.4.5.6"), List.of("203.0.113.9, 10.1.2.3"))).isEqualTo(ip("203.0.113.9"));
		// a client that sends its own X-Forwarded-For cannot push its real address out
		assertThat(behindGateway.resolve(from("10.4.5.6"), List.of("192.0.2.66, 203.0.113.9, 10.1.2.3")))
			.isEqualTo(ip("203.0.113.9"));
		// hops may come in several header lines
		assertThat(behindGateway.resolve(from("127.0.0.1"), List.of("192.0.2.66", "203.0.113.9"))).isEqualTo(ip("203.0.113.9"));
	}

	@Test
	void aHopThatIsNotAnAddressEndsTheTrail() throws Exception {
		assertThat(behindBalancer.of(request("10.1.2.3", "evil.example"))).isEqualTo("10.1.2.3");
		assertThat(behindBalancer.of(request("10.1.2.3", ""))).isEqualTo("10.1.2.3");
		assertThat(behindGateway.resolve(from("127.0.0.1"), List.of("203.0.113.9, unknown"))).isEqualTo(ip("127.0.0.1"));
		assertThat(behindGateway.resolve(from("127.0.0.1"), List.of("evil.example.com"))).isEqualTo(ip("127.0.0.1"));
	}

	@Test
	void ipv6AndIpv4MappedAddressesAreUnderstood() throws Exception {
		assertThat(behindGateway.resolve(from("::1"), List.of("2001:db8::5"))).isEqualTo(ip("2001:db8::5"));
		assertThat(behindGateway.resolve(from("::1"), List.of("[2001:db8::6]"))).isEqualTo(ip("2001:db8::6"));
		assertThat(behindGateway.resolve(from("::ffff:127.0.0.1"), List.of("203.0.113.4"))).isEqualTo(ip("203.0.113.4"));
		assertThat(behindGateway.isTrustedProxy(ip("fd12:3456::1"))).isTrue();
		assertThat(behindGateway.isTrustedProxy(ip("172.32.0.1"))).isFalse();
		assertThat(behindGateway.isTrustedProxy(ip("172.31.255.1"))).isTrue();
	}

	@Test
	void aRememberedVerdictIsOnlyEverTheSameAddresses() throws Exception {
		// the same last byte: the same slot of the recent verdicts
		assertThat(behindGateway.isTrustedProxy(ip("10.0.0.1"))).isTrue();
		assertThat(behindGateway.isTrustedProxy(ip("203.0.113.1"))).isFalse();
		assertThat(behindGateway.isTrustedProxy(ip("10.0.0.1"))).isTrue();
		assertThat(behindGateway.isTrustedProxy(ip("203.0.113.1"))).isFalse();
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
	void aMistypedProxyRangeStopsTheStart() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ClientAddresses(List.of("ingress.internal")))
			.withMessageContaining("ingress.internal");
		assertThatIllegalArgumentException().isThrownBy(() -> new ClientAddresses(List.of("10.0.0.0/33")));
		assertThatIllegalArgumentException().isThrownBy(() -> new ClientAddresses(List.of("gateway.local")));
	}

	@Test
	void aClientLiteralIsNeverLookedUp() {
		assertThat(ClientAddresses.literal("cafe")).isNull();
		assertThat(ClientAddresses.literal("1.2.3")).isNull();
		assertThat(ClientAddresses.literal("256.1.1.1")).isNull();
		assertThat(ClientAddresses.literal("fe80::1%eth0")).isNull();
		assertThat(ClientAddresses.literal("203.0.113.7")).isNotNull();
	}

	private static MockServerHttpRequest request(String peer, String forwardedFor) {
		return MockServerHttpRequest.get("/").remoteAddress(new InetSocketAddress(peer, 40000))
			.header("X-Forwarded-For", forwardedFor).build();
	}

	private static InetSocketAddress from(String address) throws Exception {
		return new InetSocketAddress(InetAddress.getByName(address), 40000);
	}

	private static InetAddress ip(String address) throws Exception {
		return InetAddress.getByName(address);
	}
}
