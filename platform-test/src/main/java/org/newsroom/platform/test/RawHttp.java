package org.newsroom.platform.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Sends a request byte for byte (what HTTP clients refuse to send) and reads the whole answer. */
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

	/** The raw answer is a problem document with this status and type. */
	public static void assertProblem(String answer, int status, String type) {
		assertThat(answer).as(answer).startsWith("HTTP/1.1 " + status + " ");
		assertThat(answer.toLowerCase()).contains("content-type: application/problem+json");
		assertThat(answer).contains("\"type\":\"urn:newsroom:problem:" + type + "\"", "\"status\":" + status);
	}
}
