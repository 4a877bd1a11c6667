package org.newsroom.ranking.view;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import io.netty.util.NetUtil;
import org.newsroom.ranking.config.RankingProperties;

import org.springframework.stereotype.Component;

/**
 * The address of the reader's client. Behind the gateway (or any proxy) the connection comes
 * from the proxy and the client is in {@code X-Forwarded-For}; that header is believed only when
 * the connection comes from a trusted proxy, and then read from the right, skipping trusted
 * hops, so a client cannot choose its own address by sending the header itself.
 */
@Component
public class ClientAddresses {

	private static final byte[] NONE = new byte[0];

	/** A network in CIDR notation, e.g. {@code 10.0.0.0/8} or {@code fc00::/7}. */
	record Network(byte[] prefix, int bits) {

		static Network parse(String cidr) {
			String text = cidr.trim();
			int slash = text.indexOf('/');
			byte[] address = literal(slash < 0 ? text : text.substring(0, slash));
			if (address == null) {
				throw new IllegalArgumentException("Not an IP network: '" + cidr + "'");
			}
			int bits = slash < 0 ? address.length * 8 : Integer.parseInt(text.substring(slash + 1));
			if (bits < 0 || bits > address.length * 8) {
				throw new IllegalArgumentException("Bad prefix length in '" + cidr + "'");
			}
			return new Network(address, bits);
		}

		boolean contains(byte[] address) {
			if (address.length != prefix.length) {
				return false;
			}
			int full = bits / 8;
			for (int i = 0; i < full; i++) {
				if (address[i] != prefix[i]) {
					return false;
				}
			}
			int rest = bits % 8;
			if (rest == 0) {
				return true;
			}
			int mask = (0xff << (8 - rest)) & 0xff;
			return (address[full] & mask) == (prefix[full] & mask);
		}
	}

	private final List<Network> trusted;

	public ClientAddresses(RankingProperties properties) {
		List<Network> networks = new ArrayList<>();
		for (String cidr : properties.ingest().trustedProxies()) {
			if (!cidr.isBlank()) {
				networks.add(Network.parse(cidr));
			}
		}
		this.trusted = List.copyOf(networks);
	}

	/** The client's address bytes (4 or 16), or an empty array when there is none. */
	public byte[] of(InetSocketAddress remote, List<String> forwardedFor) {
		if (remote == null || remote.getAddress() == null) {
			return NONE;
		}
		byte[] client = normalise(remote.getAddress().getAddress());
		if (forwardedFor == null || forwardedFor.isEmpty() || !trusted(client)) {
			return client;
		}
		// hops are appended left to right, possibly over several header lines: walk back from the last
		for (int line = forwardedFor.size() - 1; line >= 0; line--) {
			String header = forwardedFor.get(line);
			int end = header.length();
			while (end > 0) {
				int comma = header.lastIndexOf(',', end - 1);
				byte[] hop = literal(header.substring(comma + 1, end).trim());
				if (hop == null) {
					// not an address: nothing left of it can be trusted either
					return client;
				}
				client = normalise(hop);
				if (!trusted(client)) {
					return client;
				}
				end = comma < 0 ? 0 : comma;
			}
		}
		return client;
	}

	/**
	 * Whether the address is one of our own proxies (or loopback): then the real client is
	 * unknown, because nothing in front of it named one.
	 */
	public boolean trusted(byte[] address) {
		for (Network network : trusted) {
			if (network.contains(address)) {
				return true;
			}
		}
		return false;
	}

	/** An IP literal's bytes, or null; never a DNS lookup. */
	static byte[] literal(String text) {
		if (text.startsWith("[") && text.endsWith("]")) {
			text = text.substring(1, text.length() - 1);
		}
		return text.isEmpty() ? null : NetUtil.createByteArrayFromIpAddressString(text);
	}

	/** {@code ::ffff:a.b.c.d} is the IPv4 address a.b.c.d. */
	private static byte[] normalise(byte[] address) {
		if (address.length == 16) {
			for (int i = 0; i < 10; i++) {
				if (address[i] != 0) {
					return address;
				}
			}
			if (address[10] == (byte) 0xff && address[11] == (byte) 0xff) {
				return new byte[] { address[12], address[13], address[14], address[15] };
			}
		}
		return address;
	}
}
