package org.newsroom.platform.web;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * What a per-client limit counts under: an IPv4 client by its address, an IPv6 client by the
 * network it sits in. An ISP hands each customer at least a /64 (RFC 6177), and a host picks
 * addresses inside it freely and often (temporary addresses, RFC 8981), so keyed by the full
 * address one machine could rotate through 2^64 fresh budgets. The prefix is configurable: a
 * provider that hands out /56 or /48 blocks makes a shorter one fairer.
 *
 * <p>Only limits key this way; logs and forwarded headers keep the client's full address.
 */
public final class ClientPrefix {

	/** The smallest block an ISP hands out. */
	public static final int DEFAULT_IPV6_BITS = 64;

	private final int ipv6Bits;

	/** @param ipv6Bits the IPv6 prefix length clients are counted by, 1 to 128 (128: each address) */
	public ClientPrefix(int ipv6Bits) {
		if (ipv6Bits < 1 || ipv6Bits > 128) {
			throw new IllegalArgumentException("An IPv6 prefix length is 1 to 128, not " + ipv6Bits);
		}
		this.ipv6Bits = ipv6Bits;
	}

	public int ipv6Bits() {
		return ipv6Bits;
	}

	/**
	 * The address's bytes with the host part of an IPv6 address cleared; an IPv4 address (also
	 * one written as {@code ::ffff:a.b.c.d}, which Java reads as IPv4) as it is.
	 */
	public byte[] of(InetAddress address) {
		byte[] bytes = address.getAddress();
		if (address instanceof Inet6Address) {
			clearHostBits(bytes);
		}
		return bytes;
	}

	/**
	 * The key of a client given as text ({@link ClientAddresses#of}): IPv4 and anything that is not
	 * an IPv6 literal ({@value ClientAddresses#UNKNOWN}) unchanged, an IPv6 address as its network
	 * in CIDR form, e.g. {@code 2001:db8:1:2:0:0:0:0/64}.
	 */
	public String of(String client) {
		if (client.indexOf(':') < 0 || ipv6Bits == 128) {
			return client;
		}
		InetAddress address = ClientAddresses.literal(client);
		if (!(address instanceof Inet6Address)) {
			return address == null ? client : address.getHostAddress();
		}
		byte[] bytes = address.getAddress();
		clearHostBits(bytes);
		try {
			return InetAddress.getByAddress(bytes).getHostAddress() + "/" + ipv6Bits;
		}
		catch (UnknownHostException e) {
			throw new IllegalStateException("16 bytes are always an IPv6 address", e);
		}
	}

	private void clearHostBits(byte[] bytes) {
		for (int bit = ipv6Bits; bit < bytes.length * 8; bit++) {
			bytes[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
		}
	}
}
