package org.newsroom.platform.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends requests byte for byte (what HTTP clients refuse to send, or several back to back on one
 * connection) and reads the answers.
 */
public final class RawHttp {

	private RawHttp() {
	}

	public static String send(int port, String request) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.UTF_8));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream answer = new ByteArrayOutputStream();
			byte[] buffer = new byte[8192];
			for (int n; (n = in.read(buffer)) > 0;) {
				answer.write(buffer, 0, n);
			}
			return answer.toString(StandardCharsets.UTF_8);
		}
	}

	/**
	 * Writes {@code requests} (one or more, back to back) on one kept-alive connection and reads
	 * one answer per request, in the order they come: each the status line, the headers and the
	 * body (a chunked body is put back together; a HEAD answer or a 304 has none).
	 */
	public static List<String> exchange(int port, String requests) throws IOException {
		List<String> methods = new ArrayList<>();
		for (String line : requests.split("\r\n")) {
			if (line.endsWith(" HTTP/1.1")) {
				methods.add(line.substring(0, line.indexOf(' ')));
			}
		}
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream().write(requests.getBytes(StandardCharsets.UTF_8));
			InputStream in = socket.getInputStream();
			List<String> answers = new ArrayList<>();
			for (String method : methods) {
				answers.add(readAnswer(in, method.equals("HEAD")));
			}
			return answers;
		}
	}

	/** The value of a header of a raw answer (its name in any case), or null. */
	public static String header(String answer, String name) {
		int end = answer.indexOf("\r\n\r\n");
		for (String line : (end >= 0 ? answer.substring(0, end) : answer).split("\r\n")) {
			if (line.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT) + ":")) {
				return line.substring(name.length() + 1).trim();
			}
		}
		return null;
	}

	/** The body of a raw answer. */
	public static String body(String answer) {
		return answer.substring(answer.indexOf("\r\n\r\n") + 4);
	}

	private static String readAnswer(InputStream in, boolean head) throws IOException {
		ByteArrayOutputStream headerBytes = new ByteArrayOutputStream();
		while (!headerBytes.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
			int b = in.read();
			if (b < 0) {
				throw new IOException("connection closed in the headers");
			}
			headerBytes.write(b);
		}
		String headers = headerBytes.toString(StandardCharsets.ISO_8859_1);
		String status = headers.substring(9, 12);
		if (head || status.equals("304") || status.equals("204")) {
			return headers;
		}
		if ("chunked".equalsIgnoreCase(header(headers, "transfer-encoding"))) {
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			for (int size; (size = Integer.parseInt(line(in), 16)) > 0;) {
				body.write(in.readNBytes(size));
				line(in);
			}
			line(in);
			return headers + body.toString(StandardCharsets.UTF_8);
		}
		String length = header(headers, "content-length");
		return headers + new String(in.readNBytes(length == null ? 0 : Integer.parseInt(length)), StandardCharsets.UTF_8);
	}

	private static String line(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		for (int b; (b = in.read()) != '\n';) {
			if (b < 0) {
				throw new IOException("connection closed in a chunk");
			}
			if (b != '\r') {
				line.append((char) b);
			}
		}
		return line.toString();
	}

	/** The raw answer is a problem document with this status and type. */
	public static void assertProblem(String answer, int status, String type) {
		assertThat(answer).as(answer).startsWith("HTTP/1.1 " + status + " ");
		assertThat(answer.toLowerCase()).contains("content-type: application/problem+json");
		assertThat(answer).contains("\"type\":\"urn:newsroom:problem:" + type + "\"", "\"status\":" + status);
	}
}
