package org.newsroom.gateway.edge;

/** Writes a JSON string value (RFC 8259 section 7), or {@code null}. */
public final class JsonText {

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private JsonText() {
	}

	public static void append(StringBuilder out, String value) {
		if (value == null) {
			out.append("null");
			return;
		}
		out.append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					// control characters, and the two line separators some log readers split on
					if (c < 0x20 || c == '\u2028' || c == '\u2029') {
						out.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF]).append(HEX[c >> 4 & 0xF])
							.append(HEX[c & 0xF]);
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}
}
