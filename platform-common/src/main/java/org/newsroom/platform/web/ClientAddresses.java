package org.newsroom.platform.web;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * Who the client is, as far as a service can tell: the connection's peer address, or, when that
 * peer is one of the configured trusted proxies (load balancer, ingress, the gateway), the nearest
 * address in {@code X-Forwarded-For} that is not itself a trusted proxy. The header is read from
 * the right, so a client that sends its own cannot push its real address out; from anyone else it
 * is ignored, so a client cannot pick its own address (and with it its rate-limit key or visitor
 * hash). The gateway and ranking-service both resolve clients here, each with its own list.
 *
 * <p>Reading the trail: empty list elements are skipped (RFC 9110 allows them); a hop that is not an
 * IP literal ends it, and the nearest address known so far is the answer; when every hop is a
 * trusted proxy, the furthest one is. Nothing here ever asks DNS.
 *
 * <p>The answer is an {@link InetAddress}; what a caller keys on it (the text for the gateway's rate
 * limiter and access log, the bytes for ranking-service's visitor hash) is the caller's. Keying an
 * IPv6 client by its /64 (issue 19) belongs in such a key, not in the resolution.
 */
public final class ClientAddresses {

	/** The text of a client without an address (a request not read from a socket). */
	public static final String UNKNOWN = "unknown";

	private static final String FORWARDED_FOR = "X-Forwarded-For";

	private static final String FORWARDED_PROTO = "X-Forwarded-Proto";

	private static final int RECENT_SLOTS = 256;

	/** Trusted IPv4 and IPv6 ranges apart: an address is only ever compared with its own family. */
	private final List<IpAddressMatcher> trustedV4;

	private final List<IpAddressMatcher> trustedV6;

	/**
	 * The latest verdicts, one per slot by the address's hash: a matcher takes the address as text
	 * and parses it once per range, too much to repeat for every view ranking-service counts, while
	 * its peer (the gateway) and a reader's address come back again and again. Entries are
	 * immutable; a slot read racing a write sees the old verdict or the new one, either true.
	 */
	private final Verdict[] recent = new Verdict[RECENT_SLOTS];

	private record Verdict(InetAddress address, boolean trusted) {
	}

	/**
	 * @param trustedProxies IP addresses or CIDR ranges ({@code 10.0.0.0/8}, {@code ::1}); blank
	 *     entries are ignored; anything else (a host name, a prefix too long) is refused with
	 *     {@link IllegalArgumentException}, so a mistyped list stops the application at start
	 */
	public ClientAddresses(List<String> trustedProxies) {
		List<IpAddressMatcher> v4 = new ArrayList<>();
		List<IpAddressMatcher> v6 = new ArrayList<>();
		for (String entry : trustedProxies) {
			String range = entry.trim();
			if (range.isEmpty()) {
				continue;
			}
			int slash = range.indexOf('/');
			InetAddress base = literal(slash < 0 ? range : range.substring(0, slash));
			IpAddressMatcher matcher;
			try {
				if (base == null) {
					throw new IllegalArgumentException("not an IP literal");
				}
				matcher = new IpAddressMatcher(range);
			}
			catch (IllegalArgumentException e) {
				throw new IllegalArgumentException("Not an IP address or CIDR range: '" + entry + "'", e);
			}
			(base instanceof Inet6Address ? v6 : v4).add(matcher);
		}
		this.trustedV4 = List.copyOf(v4);
		this.trustedV6 = List.copyOf(v6);
	}

	/** The client of a WebFlux request, as text ({@value #UNKNOWN} without an address). */
	public String of(ServerHttpRequest request) {
		return of(request.getRemoteAddress(), () -> request.getHeaders().getValuesAsList(FORWARDED_FOR));
	}

	/** The same, from the connection's peer and the request's {@code X-Forwarded-For} values. */
	public String of(InetSocketAddress remote, Supplier<List<String>> forwardedFor) {
		return text(resolve(remote, forwardedFor));
	}

	/**
	 * The client's address, or null when the connection has none.
	 *
	 * @param forwardedFor the request's {@code X-Forwarded-For} header values in order, read only
	 *     when the peer is a trusted proxy
	 */
	public InetAddress resolve(InetSocketAddress remote, Supplier<List<String>> forwardedFor) {
		InetAddress peer = remote != null ? remote.getAddress() : null;
		if (peer == null || !isTrustedProxy(peer)) {
			return peer;
		}
		return nearestUntrusted(peer, forwardedFor.get());
	}

	/** The same, with the header values at hand ({@code null} or empty: none sent). */
	public InetAddress resolve(InetSocketAddress remote, List<String> forwardedFor) {
		InetAddress peer = remote != null ? remote.getAddress() : null;
		if (peer == null || forwardedFor == null || forwardedFor.isEmpty() || !isTrustedProxy(peer)) {
			return peer;
		}
		return nearestUntrusted(peer, forwardedFor);
	}

	/** Hops are appended left to right, possibly over several header lines: walk back from the last. */
	private InetAddress nearestUntrusted(InetAddress peer, List<String> forwardedFor) {
		InetAddress client = peer;
		if (forwardedFor == null) {
			return client;
		}
		for (int line = forwardedFor.size() - 1; line >= 0; line--) {
			String header = forwardedFor.get(line);
			int end = header.length();
			while (end > 0) {
				int comma = header.lastIndexOf(',', end - 1);
				String hop = header.substring(comma + 1, end).trim();
				end = comma < 0 ? 0 : comma;
				if (hop.isEmpty()) {
					continue;
				}
				InetAddress address = literal(hop);
				if (address == null) {
					// not an address: nothing left of it can be trusted either
					return client;
				}
				client = address;
				if (!isTrustedProxy(client)) {
					return client;
				}
			}
		}
		return client;
	}

	/** Whether the request reached us over TLS: directly, or per a trusted proxy's {@code X-Forwarded-Proto}. */
	public boolean overTls(ServerHttpRequest request) {
		return overTls(request.getSslInfo() != null, request.getRemoteAddress(),
				request.getHeaders().getFirst(FORWARDED_PROTO));
	}

	/** The same, from whether the connection is TLS, its peer and {@code X-Forwarded-Proto}. */
	public boolean overTls(boolean tlsConnection, InetSocketAddress remote, String forwardedProto) {
		if (tlsConnection) {
			return true;
		}
		InetAddress peer = remote != null ? remote.getAddress() : null;
		return peer != null && isTrustedProxy(peer) && "https".equalsIgnoreCase(forwardedProto);
	}

	/**
	 * Whether the address is one of the trusted proxies: as a client's address, it means the real
	 * client is unknown, because nothing in front of it named one.
	 */
	public boolean isTrustedProxy(InetAddress address) {
		List<IpAddressMatcher> ranges = address instanceof Inet6Address ? trustedV6 : trustedV4;
		if (ranges.isEmpty()) {
			return false;
		}
		int slot = address.hashCode() & (RECENT_SLOTS - 1);
		Verdict recent = this.recent[slot];
		if (recent != null && recent.address.equals(address)) {
			return recent.trusted;
		}
		String text = address.getHostAddress();
		boolean trusted = false;
		for (IpAddressMatcher range : ranges) {
			if (range.matches(text)) {
				trusted = true;
				break;
			}
		}
		this.recent[slot] = new Verdict(address, trusted);
		return trusted;
	}

	/** The address as text, {@value #UNKNOWN} for none. */
	public static String text(InetAddress address) {
		return address == null ? UNKNOWN : address.getHostAddress();
	}

	/**
	 * An IP literal ({@code 203.0.113.7}, {@code 2001:db8::1}, {@code [2001:db8::1]}), or null for
	 * anything else; never a DNS lookup. {@code ::ffff:a.b.c.d} is the IPv4 address a.b.c.d.
	 */
	public static InetAddress literal(String text) {
		if (text == null) {
			return null;
		}
		String address = text.length() > 1 && text.charAt(0) == '[' && text.charAt(text.length() - 1) == ']'
				? text.substring(1, text.length() - 1) : text;
		if (address.isEmpty()) {
			return null;
		}
		if (address.indexOf(':') < 0) {
			byte[] v4 = ipv4(address);
			try {
				return v4 == null ? null : InetAddress.getByAddress(v4);
			}
			catch (UnknownHostException e) {
				return null;
			}
		}
		for (int i = 0; i < address.length(); i++) {
			char c = address.charAt(i);
			if (Character.digit(c, 16) < 0 && c != ':' && c != '.') {
				return null;
			}
		}
		try {
			// with a colon and nothing but hex digits, colons and dots, this is parsed as an IPv6 literal or refused
			return InetAddress.getByName(address);
		}
		catch (UnknownHostException e) {
			return null;
		}
	}

	/** A dotted quad's four bytes, or null. */
	private static byte[] ipv4(String text) {
		byte[] bytes = new byte[4];
		int part = 0;
		int value = -1;
		for (int i = 0; i <= text.length(); i++) {
			char c = i < text.length() ? text.charAt(i) : '.';
			if (c == '.') {
				if (value < 0 || part > 3) {
					return null;
				}
				bytes[part++] = (byte) value;
				value = -1;
			}
			else if (c >= '0' && c <= '9') {
				value = value < 0 ? c - '0' : value * 10 + (c - '0');
				if (value > 255) {
					return null;
				}
			}
			else {
				return null;
			}
		}
		return part == 4 ? bytes : null;
	}
}
