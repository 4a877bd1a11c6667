package org.newsroom.media;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An upload refused for its size is read to its end before the answer, so a sender that streams
 * the whole body first (as the gateway does) can finish and read the 413 instead of meeting a
 * closed connection.
 */
class RefusedUploadBodyTest extends MediaApiTest {

	@Test
	void aSenderThatWritesTheWholeOversizeBodyThenReadsGetsThe413() throws IOException {
		int bodyLength = 27 * 1024 * 1024;
		long photosBefore = mongo.getCollection("media").countDocuments();
		String answer;
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST /api/media HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
					+ "Authorization: Bearer " + identity.editor() + "\r\n"
					+ "Content-Type: multipart/form-data; boundary=b\r\n"
					+ "Content-Length: " + bodyLength + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			byte[] chunk = new byte[64 * 1024];
			for (int sent = 0; sent < bodyLength; sent += chunk.length) {
				out.write(chunk, 0, Math.min(chunk.length, bodyLength - sent));
			}
			out.flush();
			ByteArrayOutputStream in = new ByteArrayOutputStream();
			socket.getInputStream().transferTo(in);
			answer = in.toString(StandardCharsets.UTF_8);
		}

		assertThat(answer).startsWith("HTTP/1.1 413 ");
		assertThat(answer).containsIgnoringCase("Content-Type: application/problem+json");
		assertThat(mongo.getCollection("media").countDocuments()).isEqualTo(photosBefore);
	}
}
