package org.newsroom.e2e;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One hostile request, kept as the bytes it puts on the wire: the target is sent exactly as
 * written (no normalising, no encoding), headers may carry anything, and the framing headers
 * ({@code Content-Length}) can be overridden to lie.
 */
record HostileRequest(String method, String target, List<String> headerLines, byte[] body, boolean ownLength) {

	static HostileRequest get(String target) {
		return new HostileRequest("GET", target, List.of(), new byte[0], false);
	}

	static HostileRequest of(String method, String target) {
		return new HostileRequest(method, target, List.of(), new byte[0], false);
	}

	static HostileRequest json(String method, String target, String json) {
		return of(method, target).header("Content-Type", "application/json").body(json);
	}

	HostileRequest header(String name, String value) {
		List<String> lines = new ArrayList<>(headerLines);
		lines.add(name + ": " + value);
		return new HostileRequest(method, target, lines, body, ownLength || name.equalsIgnoreCase("Content-Length")
				|| name.equalsIgnoreCase("Transfer-Encoding"));
	}

	/** A header line written verbatim (CR/LF, no colon, anything). */
	HostileRequest rawHeaderLine(String line) {
		List<String> lines = new ArrayList<>(headerLines);
		lines.add(line);
		return new HostileRequest(method, target, lines, body, ownLength);
	}

	HostileRequest token(String token) {
		return token == null ? this : header("Authorization", "Bearer " + token);
	}

	HostileRequest withoutToken() {
		List<String> lines = new ArrayList<>(headerLines);
		lines.removeIf(line -> line.regionMatches(true, 0, "Authorization:", 0, 14));
		return new HostileRequest(method, target, lines, body, ownLength);
	}

	HostileRequest body(String text) {
		return body(text.getBytes(StandardCharsets.UTF_8));
	}

	HostileRequest body(byte[] bytes) {
		return new HostileRequest(method, target, headerLines, bytes, ownLength);
	}

	byte[] bytes() {
		ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 512);
		StringBuilder head = new StringBuilder();
		head.append(method).append(' ').append(target).append(" HTTP/1.1\r\nHost: localhost:8080\r\n");
		for (String line : headerLines) {
			head.append(line).append("\r\n");
		}
		if (!ownLength && (body.length > 0 || !method.equals("GET"))) {
			head.append("Content-Length: ").append(body.length).append("\r\n");
		}
		head.append("Connection: close\r\n\r\n");
		// ISO-8859-1 keeps chars up to U+00FF as single bytes; callers put UTF-8 bytes in as such
		out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
		out.writeBytes(body);
		return out.toByteArray();
	}

	@Override
	public String toString() {
		String shown = target.length() > 80 ? target.substring(0, 80) + "..." : target;
		return method + " " + shown;
	}
}
