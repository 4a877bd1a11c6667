package org.newsroom.media.upload;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;

import jakarta.servlet.ServletContext;


import org.junit.jupiter.api.Test;
import org.newsroom.media.MediaApiTest;
import org.newsroom.media.TestPhotos;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile and broken uploads: what is not a photo is refused by its bytes (415), damaged photos
 * are 422, oversized bodies are 413 before they are read, and decompression bombs are refused
 * from their headers before a single pixel is allocated.
 */
class UploadSafetyTest extends MediaApiTest {

	@Autowired
	ServletContext servletContext;

	static final String CREDIT = "{\"credit\": \"AFP\"}";

	static final long LIMIT = 25L * 1024 * 1024;

	// --- what is not a JPEG, PNG or WebP ------------------------------------------------------------

	@Test
	void anSvgWithAScriptIsUnsupportedWhateverItsName() {
		byte[] svg = """
				<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.cookie)">
				<script>fetch('/api/media')</script></svg>""".getBytes(StandardCharsets.UTF_8);
		upload(svg, "cute-cat.jpg", CREDIT, identity.editor())
			.expectStatus().isEqualTo(415)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type").isEqualTo("urn:newsroom:problem:unsupported-image-type")
			.jsonPath("$.errors[0].field").isEqualTo("file");
	}

	@Test
	void pdfGifTiffAndPlainTextAreUnsupported() {
		for (String content : new String[] { "%PDF-1.7\n1 0 obj", "GIF89a\u0001\u0000\u0001\u0000", "II*\u0000",
				"just some words" }) {
			upload(content.getBytes(StandardCharsets.ISO_8859_1), "x.jpg", CREDIT, identity.editor())
				.expectStatus().isEqualTo(415);
		}
	}

	@Test
	void aJpegWithHtmlAfterItsEndIsRefusedAsAPolyglot() {
		byte[] polyglot = TestPhotos.concat(TestPhotos.jpeg(64, 48),
				"<html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.US_ASCII));
		upload(polyglot, CREDIT)
			.expectStatus().isEqualTo(415)
			.expectBody()
			.jsonPath("$.type").isEqualTo("urn:newsroom:problem:unsupported-image-type")
			.jsonPath("$.detail").value(String.class, d -> assertThat(d).contains("after the end"));
	}

	@Test
	void aJpegThatIsReallyAZipAfterItsEndIsRefused() {
		byte[] zip = { 'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0 };
		upload(TestPhotos.concat(TestPhotos.jpeg(64, 48), zip), CREDIT).expectStatus().isEqualTo(415);
	}

	@Test
	void paddingAndAnAppendedPreviewImageAfterAJpegAreAccepted() {
		upload(TestPhotos.concat(TestPhotos.jpeg(64, 48), new byte[64]), CREDIT).expectStatus().isCreated();
		// cameras append Multi-Picture Format previews: further complete JPEGs
		upload(TestPhotos.concat(TestPhotos.jpeg(64, 48), TestPhotos.jpeg(16, 12)), CREDIT).expectStatus().isCreated();
	}

	@Test
	void thePhotoTypeComesFromTheBytesNotTheDeclaredTypeOrName() {
		upload(TestPhotos.png(40, 30), "photo.jpg", CREDIT, identity.editor())
			.expectStatus().isCreated()
			.expectBody().jsonPath("$.contentType").isEqualTo("image/png");
	}

	// --- WebP --------------------------------------------------------------------------------------

	@Test
	void aWebpIsAcceptedReadAndMeasured() {
		upload(TestPhotos.webp(40, 20), "photo.webp", CREDIT, identity.editor())
			.expectStatus().isCreated()
			.expectBody()
			.jsonPath("$.contentType").isEqualTo("image/webp")
			.jsonPath("$.width").isEqualTo(40)
			.jsonPath("$.height").isEqualTo(20);
	}

	@Test
	void aTruncatedWebpIsUnprocessableAndOneWithContentAfterItIsRefused() {
		byte[] webp = TestPhotos.webp(40, 20);
		upload(Arrays.copyOf(webp, webp.length - 10), CREDIT)
			.expectStatus().isEqualTo(422)
			.expectBody().jsonPath("$.type").isEqualTo("urn:newsroom:problem:unreadable-image");
		upload(TestPhotos.concat(TestPhotos.webp(40, 20), "<script>x</script>".getBytes(StandardCharsets.US_ASCII)),
				CREDIT)
			.expectStatus().isEqualTo(415);
	}

	// --- damaged files --------------------------------------------------------------------------------

	@Test
	void aJpegCutShortIsUnprocessable() {
		byte[] jpeg = TestPhotos.jpeg(400, 300);
		upload(Arrays.copyOf(jpeg, jpeg.length / 2), CREDIT)
			.expectStatus().isEqualTo(422)
			.expectBody()
			.jsonPath("$.type").isEqualTo("urn:newsroom:problem:unreadable-image")
			.jsonPath("$.errors[0].field").isEqualTo("file");
	}

	@Test
	void aJpegWithADamagedHuffmanTableIsUnprocessable() {
		byte[] jpeg = TestPhotos.jpeg(200, 150);
		int dht = indexOfMarker(jpeg, 0xC4);
		// the 16 code-length counts of the first table: claim far more codes than a table can hold
		Arrays.fill(jpeg, dht + 5, dht + 5 + 16, (byte) 0x7F);
		upload(jpeg, CREDIT).expectStatus().isEqualTo(422);
	}

	@Test
	void aPngWithADamagedChunkOrCutShortIsUnprocessable() {
		byte[] png = TestPhotos.png(100, 80);
		byte[] damaged = png.clone();
		damaged[damaged.length - 30] ^= 0x55; // inside the image data: its checksum no longer matches
		upload(damaged, CREDIT).expectStatus().isEqualTo(422);
		upload(Arrays.copyOf(png, png.length - 20), CREDIT).expectStatus().isEqualTo(422);
	}

	@Test
	void anEmptyFileIsUnprocessable() {
		upload(new byte[0], CREDIT).expectStatus().isEqualTo(422)
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("file");
	}

	// --- bombs --------------------------------------------------------------------------------------------

	/**
	 * 100000 × 100000 pixels would need 30 GB to decode (more than any Java array holds): a 422
	 * naming the pixel count, rather than an out-of-memory error or a 500, shows that the header
	 * was checked before anything was decoded.
	 */
	@Test
	void aPngDecompressionBombIsRefusedFromItsHeader() {
		upload(TestPhotos.pngClaiming(100_000, 100_000), CREDIT)
			.expectStatus().isEqualTo(422)
			.expectBody()
			.jsonPath("$.type").isEqualTo("urn:newsroom:problem:too-many-pixels")
			.jsonPath("$.detail").value(String.class, d -> assertThat(d).contains("100000 × 100000"));
	}

	/**
	 * Just over the 60-megapixel limit, with far too little data for its size: a decoder would
	 * report it as unreadable, so "too many pixels" proves the check came first.
	 */
	@Test
	void aPngJustOverThePixelLimitIsRefusedBeforeItsDataIsDecoded() {
		upload(TestPhotos.pngClaiming(8000, 7600), CREDIT)
			.expectStatus().isEqualTo(422)
			.expectBody().jsonPath("$.type").isEqualTo("urn:newsroom:problem:too-many-pixels");
	}

	@Test
	void aJpegClaimingHugeDimensionsIsRefusedFromItsHeader() {
		upload(TestPhotos.jpegClaiming(60_000, 60_000), CREDIT)
			.expectStatus().isEqualTo(422)
			.expectBody().jsonPath("$.type").isEqualTo("urn:newsroom:problem:too-many-pixels");
	}

	@Test
	void aPngWhoseTextChunkInflatesFarBeyondItsSizeIsRefused() {
		byte[] bomb = TestPhotos.pngWithTextBomb(64 * 1024 * 1024);
		assertThat(bomb.length).isLessThan(200_000);
		upload(bomb, CREDIT)
			.expectStatus().isEqualTo(422)
			.expectBody().jsonPath("$.detail").value(String.class, d -> assertThat(d).contains("expands"));
	}

	// --- size limits -------------------------------------------------------------------------------------

	/**
	 * A file one byte over the limit, in a request whose length is under the request limit (so
	 * only the multipart parser can catch it). Sent over a raw socket that reads while it writes,
	 * as browsers and curl do: Tomcat closes the connection after a 413, and a client that only
	 * reads once it has written everything may see the close before the answer.
	 */
	@Test
	void aFileJustOverTheLimitIs413() throws Exception {
		byte[] file = new byte[(int) LIMIT + 1];
		System.arraycopy(TestPhotos.jpeg(16, 16), 0, file, 0, 100);
		ByteArrayOutputStream body = new ByteArrayOutputStream(file.length + 1024);
		body.writeBytes(("--b0undary\r\nContent-Disposition: form-data; name=\"metadata\"\r\n\r\n" + CREDIT
				+ "\r\n--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.jpg\"\r\n"
				+ "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
		body.writeBytes(file);
		body.writeBytes("\r\n--b0undary--\r\n".getBytes(StandardCharsets.US_ASCII));
		byte[] request = body.toByteArray();
		assertThat((long) request.length).isLessThan(LIMIT + 256 * 1024);
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST /api/media HTTP/1.1\r\nHost: localhost\r\n" + "Authorization: Bearer "
					+ identity.editor() + "\r\n" + "Content-Type: multipart/form-data; boundary=b0undary\r\n"
					+ "Content-Length: " + request.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			sendInBackground(out, request);
			String response = readResponse(socket.getInputStream());
			assertThat(response).startsWith("HTTP/1.1 413");
			assertThat(response).contains("application/problem+json")
				.contains("urn:newsroom:problem:payload-too-large")
				.contains("25 MB");
		}
	}

	/**
	 * The client announces a body over the limit and asks before sending it
	 * ({@code Expect: 100-continue}, as curl does for large uploads). The answer is 413 at once,
	 * without {@code 100 Continue}: the service never asked for a byte of the body.
	 */
	@Test
	void anUploadAnnouncedOverTheLimitIsRefusedBeforeItsBodyIsSent() throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST /api/media HTTP/1.1\r\nHost: localhost\r\n" + "Authorization: Bearer "
					+ identity.editor() + "\r\n" + "Content-Type: multipart/form-data; boundary=b0undary\r\n"
					+ "Content-Length: " + (LIMIT + 1024 * 1024) + "\r\n" + "Expect: 100-continue\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			String response = readResponse(socket.getInputStream());
			assertThat(response).startsWith("HTTP/1.1 413");
			assertThat(response).contains("application/problem+json").contains("payload-too-large");
		}
	}

	/**
	 * A chunked upload announces no length. Its file part is streamed to a temporary file as it
	 * arrives (seen here on disk, growing, while the request is still being sent: the bytes are
	 * not collecting in memory), and the parser answers 413 once the file passes the limit, while
	 * the request is still unfinished (its end is never sent).
	 */
	@Test
	void aChunkedUploadGoesToDiskAndIsStoppedOnceItPassesTheLimit() throws Exception {
		File spool = (File) servletContext.getAttribute(ServletContext.TEMPDIR);
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST /api/media HTTP/1.1\r\nHost: localhost\r\n" + "Authorization: Bearer "
					+ identity.editor() + "\r\n" + "Content-Type: multipart/form-data; boundary=b0undary\r\n"
					+ "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			chunk(out, ("--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.jpg\"\r\n"
					+ "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			byte[] block = new byte[64 * 1024];
			long sent = 0;
			for (; sent < 4L * 1024 * 1024; sent += block.length) {
				chunk(out, block);
			}
			out.flush();
			assertThat(largestFileWithin(spool, Duration.ofSeconds(20), 2L * 1024 * 1024))
				.as("the part being received, on disk in %s", spool)
				.isGreaterThanOrEqualTo(2L * 1024 * 1024);
			long alreadySent = sent;
			Thread sender = new Thread(() -> {
				try {
					for (long more = alreadySent; more <= LIMIT + block.length; more += block.length) {
						chunk(out, block);
					}
				}
				catch (IOException refused) {
					// the service answered and closed the connection: expected
				}
			});
			sender.setDaemon(true);
			sender.start();
			String response = readResponse(socket.getInputStream());
			assertThat(response).startsWith("HTTP/1.1 413");
			assertThat(response).contains("payload-too-large");
		}
	}

	/** Waits until a file in the directory tree reaches the size; returns the largest seen. */
	private static long largestFileWithin(File directory, Duration wait, long wanted) throws Exception {
		long deadline = System.nanoTime() + wait.toNanos();
		long largest = 0;
		while (System.nanoTime() < deadline && largest < wanted) {
			try (Stream<Path> files = Files.walk(directory.toPath())) {
				largest = files.filter(Files::isRegularFile).mapToLong(file -> {
					try {
						return Files.size(file);
					}
					catch (IOException gone) {
						return 0;
					}
				}).max().orElse(0);
			}
			Thread.sleep(50);
		}
		return largest;
	}

	@Test
	void aMetadataPartOverItsLimitIs413() {
		String huge = "{\"credit\": \"AFP\", \"caption\": \"" + "x".repeat(70 * 1024) + "\"}";
		upload(TestPhotos.jpeg(32, 32), huge)
			.expectStatus().isEqualTo(413)
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("metadata");
	}

	@Test
	void aBodyThatIsNotMultipartAfterAllIs400() {
		http.post().uri("/api/media")
			.header(HttpHeaders.AUTHORIZATION, bearer(identity.editor()))
			.header(HttpHeaders.CONTENT_TYPE, "multipart/form-data; boundary=b0undary")
			.body("this is not a multipart body at all".getBytes(StandardCharsets.US_ASCII))
			.exchange()
			.expectStatus().isBadRequest()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void anUploadWithoutAFilePartIs400() {
		var form = new org.springframework.util.LinkedMultiValueMap<String, Object>();
		form.add("metadata", CREDIT);
		http.post().uri("/api/media")
			.header(HttpHeaders.AUTHORIZATION, bearer(identity.editor()))
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(form)
			.exchange()
			.expectStatus().isBadRequest()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void nothingIsStoredWhenAnUploadIsRefused() {
		long before = mongo.getCollection("media").countDocuments();
		long filesBefore = mongo.getCollection("originals.files").countDocuments();
		upload(TestPhotos.jpeg(64, 48), "{\"caption\": \"no credit\"}").expectStatus().isEqualTo(422);
		upload(TestPhotos.pngClaiming(100_000, 100_000), CREDIT).expectStatus().isEqualTo(422);
		assertThat(mongo.getCollection("media").countDocuments()).isEqualTo(before);
		assertThat(mongo.getCollection("originals.files").countDocuments()).isEqualTo(filesBefore);
	}

	private static void sendInBackground(OutputStream out, byte[] data) {
		Thread sender = new Thread(() -> {
			try {
				for (int offset = 0; offset < data.length; offset += 64 * 1024) {
					out.write(data, offset, Math.min(64 * 1024, data.length - offset));
				}
				out.flush();
			}
			catch (IOException refused) {
				// the service answered and closed the connection: expected
			}
		});
		sender.setDaemon(true);
		sender.start();
	}

	private static void chunk(OutputStream out, byte[] data) throws IOException {
		out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
		out.write(data);
		out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
	}

	/** Status line, headers and whatever body arrives before the server stops sending. */
	private static String readResponse(InputStream in) throws IOException {
		ByteArrayOutputStream response = new ByteArrayOutputStream();
		byte[] buffer = new byte[4096];
		try {
			int n;
			while ((n = in.read(buffer)) > 0) {
				response.write(buffer, 0, n);
				String text = response.toString(StandardCharsets.ISO_8859_1);
				if (text.contains("\r\n\r\n") && text.contains("}")) {
					break;
				}
			}
		}
		catch (IOException closed) {
			// read what came before the connection closed
		}
		return response.toString(StandardCharsets.UTF_8);
	}

	private static int indexOfMarker(byte[] jpeg, int marker) {
		for (int i = 2; i < jpeg.length - 1;) {
			int found = jpeg[i + 1] & 0xFF;
			if (found == marker) {
				return i;
			}
			i += 2 + (((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF));
		}
		throw new IllegalStateException("marker not found");
	}

}
