package org.newsroom.ranking.view;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.newsroom.ranking.config.RankingProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Which address is the reader's, given the connection and X-Forwarded-For. */
class ClientAddressesTest {

	final ClientAddresses addresses = new ClientAddresses(properties(
			List.of("127.0.0.0/8", "::1/128", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7")));

	static RankingProperties properties(List<String> trustedProxies) {
		return new RankingProperties(List.of(), new RankingProperties.Ingest(null, trustedProxies, null, 1, 0, List.of(), 1,
				null, null), null, null, null);
	}

	static InetSocketAddress from(String address) throws Exception {
		return new InetSocketAddress(InetAddress.getByName(address), 40000);
	}

	static byte[] ip(String address) throws Exception {
		return InetAddress.getByName(address).getAddress();
	}

	@Test
	void aDirectClientIsItsConnectionsAddressWhateverItClaims() throws Exception {
		assertThat(addresses.of(from("198.51.100.7"), List.of("203.0.113.1"))).isEqualTo(ip("198.51.100.7"));
		assertThat(addresses.of(from("198.51.100.7"), null)).isEqualTo(ip("198.51.100.7"));
	}

	@Test
	void behindTrustedProxiesTheClientIsTheLastUntrustedHop() throws Exception {
		// client -> ingress 10.1.2.3 -> gateway 10.4.5.6 -> ranking
		assertThat(addresses.of(from("10.4.5.6"), List.of("203.0.113.9, 10.1.2.3"))).isEqualTo(ip("203.0.113.9"));
		// a client that sends its own X-Forwarded-For cannot push its real address out
		assertThat(addresses.of(from("10.4.5.6"), List.of("192.0.2.66, 203.0.113.9, 10.1.2.3"))).isEqualTo(ip("203.0.113.9"));
		// hops may come in several header lines
		assertThat(addresses.of(from("127.0.0.1"), List.of("192.0.2.66", "203.0.113.9"))).isEqualTo(ip("203.0.113.9"));
	}

	@Test
	void aHopThatIsNotAnAddressEndsTheTrail() throws Exception {
		assertThat(addresses.of(from("127.0.0.1"), List.of("203.0.113.9, unknown"))).isEqualTo(ip("127.0.0.1"));
		assertThat(addresses.of(from("127.0.0.1"), List.of("evil.example.com"))).isEqualTo(ip("127.0.0.1"));
	}

	@Test
	void ipv6AndIpv4MappedAddressesAreUnderstood() throws Exception {
		assertThat(addresses.of(from("::1"), List.of("2001:db8::5"))).isEqualTo(ip("2001:db8::5"));
		assertThat(addresses.of(from("::1"), List.of("[2001:db8::6]"))).isEqualTo(ip("2001:db8::6"));
		assertThat(addresses.of(from("::ffff:127.0.0.1"), List.of("203.0.113.4"))).isEqualTo(ip("203.0.113.4"));
		assertThat(addresses.trusted(ip("fd12:3456::1"))).isTrue();
		assertThat(addresses.trusted(ip("172.32.0.1"))).isFalse();
		assertThat(addresses.trusted(ip("172.31.255.1"))).isTrue();
	}

	@Test
	void anEmptyTrustListBelievesNoForwardedHeader() throws Exception {
		ClientAddresses none = new ClientAddresses(properties(List.of()));
		assertThat(none.of(from("127.0.0.1"), List.of("203.0.113.9"))).isEqualTo(ip("127.0.0.1"));
	}

	@Test
	void aMalformedTrustedProxyStopsTheStart() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ClientAddresses(properties(List.of("10.0.0.0/33"))));
		assertThatIllegalArgumentException().isThrownBy(() -> new ClientAddresses(properties(List.of("gateway.local"))));
	}
}
