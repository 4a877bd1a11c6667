package org.newsroom.gateway.edge;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * Who the client is, as far as the edge can tell: the connection's peer address, or, when that
 * peer is one of the configured trusted proxies, the nearest address in {@code X-Forwarded-For}
 * that is not itself a trusted proxy. A header from anyone else is ignored, so a client cannot
 * pick its own rate-limit key by sending a made-up {@code X-Forwarded-For}.
 */
@Component
public class ClientAddress {

	private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

	private final List<AddressRange> trusted;

	public ClientAddress(EdgeProperties properties) {
		this.trusted = properties.trustedProxies().stream().filter(s -> !s.isBlank()).map(AddressRange::parse).toList();
	}

	public String of(ServerHttpRequest request) {
		return of(request.getRemoteAddress(), () -> request.getHeaders().getValuesAsList("X-Forwarded-For"));
	}

	/** The same, from the connection's peer and the request's {@code X-Forwarded-For} values. */
	public String of(InetSocketAddress remote, Supplier<List<String>> forwardedFor) {
		InetAddress peerAddress = remote != null ? remote.getAddress() : null;
		String peer = peerAddress == null ? "unknown" : peerAddress.getHostAddress();
		if (peerAddress == null || !isTrusted(peerAddress)) {
			return peer;
		}
		List<String> forwarded = new ArrayList<>();
		for (String header : forwardedFor.get()) {
			for (String hop : header.split(",")) {
				forwarded.add(hop);
			}
		}
		for (int i = forwarded.size() - 1; i >= 0; i--) {
			String hop = forwarded.get(i).trim();
			if (!hop.isEmpty() && !isTrusted(hop)) {
				return literalOrNull(hop) != null ? hop : peer;
			}
		}
		return peer;
	}

	/** Whether the request reached the edge over TLS: directly, or per a trusted proxy. */
	public boolean overTls(ServerHttpRequest request) {
		return overTls(request.getSslInfo() != null, request.getRemoteAddress(),
				request.getHeaders().getFirst("X-Forwarded-Proto"));
	}

	/** The same, from whether the connection is TLS, its peer and {@code X-Forwarded-Proto}. */
	public boolean overTls(boolean tlsConnection, InetSocketAddress remote, String forwardedProto) {
		if (tlsConnection) {
			return true;
		}
		InetAddress peer = remote != null ? remote.getAddress() : null;
		return peer != null && isTrusted(peer) && "https".equalsIgnoreCase(forwardedProto);
	}

	private boolean isTrusted(String address) {
		InetAddress parsed = literalOrNull(address);
		return parsed != null && isTrusted(parsed);
	}

	private boolean isTrusted(InetAddress address) {
		for (AddressRange range : trusted) {
			if (range.contains(address)) {
				return true;
			}
		}
		return false;
	}

	/** Parses an IP literal without ever asking DNS; anything else is null. */
	static InetAddress literalOrNull(String text) {
		if (text == null || text.isEmpty() || !IP_LITERAL.matcher(text).matches()) {
			return null;
		}
		try {
			return InetAddress.getByName(text);
		}
		catch (UnknownHostException e) {
			return null;
		}
	}

	/** An address or CIDR block such as {@code 10.0.0.0/8} or {@code ::1}. */
	record AddressRange(byte[] network, int prefixBits) {

		static AddressRange parse(String text) {
			String[] parts = text.trim().split("/", 2);
			InetAddress address = literalOrNull(parts[0]);
			if (address == null) {
				throw new IllegalArgumentException("Not an IP address or CIDR range: " + text);
			}
			byte[] bytes = address.getAddress();
			int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : bytes.length * 8;
			return new AddressRange(bytes, bits);
		}

		boolean contains(InetAddress candidate) {
			byte[] bytes = candidate.getAddress();
			if (bytes.length != network.length) {
				return false;
			}
			int full = prefixBits / 8;
			for (int i = 0; i < full; i++) {
				if (bytes[i] != network[i]) {
					return false;
				}
			}
			int rest = prefixBits % 8;
			if (rest == 0) {
				return true;
			}
			int mask = 0xFF << (8 - rest) & 0xFF;
			return (bytes[full] & mask) == (network[full] & mask);
		}
	}
}
