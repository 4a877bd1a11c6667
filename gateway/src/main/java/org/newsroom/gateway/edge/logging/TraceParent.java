package org.newsroom.gateway.edge.logging;

import java.util.concurrent.ThreadLocalRandom;

/**
 * A W3C Trace Context {@code traceparent} header (https://www.w3.org/TR/trace-context/):
 * {@code version-traceid-parentid-flags}, lower-case hex, neither id all zeros.
 *
 * <p>While tracing is off (no span exporter, the default), the edge records no spans, so it does
 * what the recommendation asks of a participant that does not: a valid incoming header is passed
 * on unchanged, and a request without one gets a new trace id, so that the services' log lines
 * of one request share it. The new header's sampled flag is clear: nothing was recorded here.
 */
public record TraceParent(String header, String traceId) {

	public static final String HEADER = "traceparent";

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	/** The incoming header if it is valid, else null. */
	public static TraceParent parse(String header) {
		// version 00 is exactly 55 characters; a later version may append fields after a dash
		if (header == null || header.length() < 55 || (header.length() > 55 && header.charAt(55) != '-')) {
			return null;
		}
		String version = header.substring(0, 2);
		if (!isHex(header, 0, 2) || version.equals("ff") || (version.equals("00") && header.length() != 55)) {
			return null;
		}
		if (header.charAt(2) != '-' || header.charAt(35) != '-' || header.charAt(52) != '-') {
			return null;
		}
		if (!isHex(header, 3, 35) || !isHex(header, 36, 52) || !isHex(header, 53, 55) || isZero(header, 3, 35)
				|| isZero(header, 36, 52)) {
			return null;
		}
		return new TraceParent(header, header.substring(3, 35));
	}

	/** A new trace: random trace and parent ids, not sampled. */
	public static TraceParent generate() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		char[] header = new char[55];
		header[0] = '0';
		header[1] = '0';
		header[2] = '-';
		long high;
		long low;
		do {
			high = random.nextLong();
			low = random.nextLong();
		}
		while (high == 0 && low == 0);
		hex(high, header, 3);
		hex(low, header, 19);
		header[35] = '-';
		long parent;
		do {
			parent = random.nextLong();
		}
		while (parent == 0);
		hex(parent, header, 36);
		header[52] = '-';
		header[53] = '0';
		header[54] = '0';
		String value = new String(header);
		return new TraceParent(value, value.substring(3, 35));
	}

	private static void hex(long value, char[] into, int at) {
		for (int i = 15; i >= 0; i--) {
			into[at + i] = HEX[(int) (value & 0xF)];
			value >>>= 4;
		}
	}

	private static boolean isHex(String text, int from, int to) {
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
				return false;
			}
		}
		return true;
	}

	private static boolean isZero(String text, int from, int to) {
		for (int i = from; i < to; i++) {
			if (text.charAt(i) != '0') {
				return false;
			}
		}
		return true;
	}
}
