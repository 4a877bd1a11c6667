package org.newsroom.platform.web;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** What the limits count under: IPv4 by the address, IPv6 by its network (issue 19). */
class ClientPrefixTest {

	private final ClientPrefix byNetwork = new ClientPrefix(ClientPrefix.DEFAULT_IPV6_BITS);

	@Test
	void anIpv4ClientIsItsAddress() throws Exception {
		assertThat(byNetwork.of("203.0.113.7")).isEqualTo("203.0.113.7");
		assertThat(byNetwork.of(InetAddress.getByName("203.0.113.7"))).containsExactly(203, 0, 113, 7);
		assertThat(byNetwork.of(InetAddress.getByName("::ffff:203.0.113.7"))).containsExactly(203, 0, 113, 7);
		assertThat(byNetwork.of("::ffff:203.0.113.7")).isEqualTo("203.0.113.7");
	}

	@Test
	void everyAddressOfOneSlash64IsOneClient() throws Exception {
		String first = byNetwork.of("2001:db8:1:2:a:b:c:d");
		assertThat(first).isEqualTo("2001:db8:1:2:0:0:0:0/64");
		assertThat(byNetwork.of("2001:db8:1:2:ffff:ffff:ffff:ffff")).isEqualTo(first);
		assertThat(byNetwork.of("[2001:db8:1:2::1]")).isEqualTo(first);
		assertThat(byNetwork.of("2001:db8:1:3::1")).isNotEqualTo(first);
		assertThat(byNetwork.of(InetAddress.getByName("2001:db8:1:2:a:b:c:d")))
			.isEqualTo(byNetwork.of(InetAddress.getByName("2001:db8:1:2::99")))
			.isNotEqualTo(byNetwork.of(InetAddress.getByName("2001:db8:1:3::99")));
	}

	@Test
	void thePrefixIsConfigurable() throws Exception {
		assertThat(new ClientPrefix(48).of("2001:db8:1:2::1")).isEqualTo(new ClientPrefix(48).of("2001:db8:1:ffff::1"))
			.isEqualTo("2001:db8:1:0:0:0:0:0/48");
		assertThat(new ClientPrefix(60).of("2001:db8:1:2f::1")).isEqualTo("2001:db8:1:20:0:0:0:0/60");
		assertThat(new ClientPrefix(128).of("2001:db8::1")).isEqualTo("2001:db8::1");
		assertThat(new ClientPrefix(128).of(InetAddress.getByName("2001:db8::1")))
			.isEqualTo(InetAddress.getByName("2001:db8::1").getAddress());
		assertThatIllegalArgumentException().isThrownBy(() -> new ClientPrefix(0));
		assertThatIllegalArgumentException().isThrownBy(() -> new ClientPrefix(129));
	}

	@Test
	void aClientWithoutAnAddressStaysUnknown() {
		assertThat(byNetwork.of(ClientAddresses.UNKNOWN)).isEqualTo(ClientAddresses.UNKNOWN);
		assertThat(byNetwork.of("not:an:address:zz")).isEqualTo("not:an:address:zz");
	}
}
