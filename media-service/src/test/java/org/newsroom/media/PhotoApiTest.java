package org.newsroom.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** The walking skeleton's photo slice: upload, read, original, dedupe, refusals. */
class PhotoApiTest extends MediaApiTest {

	@Test
	void anEditorUploadsAJpegWithCaptionAndCreditAndEveryoneReadsItsMetadata() throws IOException {
		byte[] jpeg = image("jpg", 640, 480, Color.ORANGE);
		Map<?, ?> created = upload(jpeg, "photo.jpg", """
				{"caption": "Rescuers search the rubble in Antakya, Feb. 7.", "altText": "Rescuers on a collapsed building",
				 "credit": "Reuters-Yonhap", "creator": "Umit Bektas"}""", identity.editor())
			.expectStatus().isCreated()
			.expectHeader().value(HttpHeaders.LOCATION, v -> assertThat(v).startsWith("/api/media/"))
			.expectBody(Map.class).returnResult().getResponseBody();

		http.get().uri("/api/media/{id}", created.get("id")).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.credit").isEqualTo("Reuters-Yonhap")
			.jsonPath("$.caption").isEqualTo("Rescuers search the rubble in Antakya, Feb. 7.")
			.jsonPath("$.altText").isEqualTo("Rescuers on a collapsed building")
			.jsonPath("$.contentType").isEqualTo("image/jpeg")
			.jsonPath("$.width").isEqualTo(640)
			.jsonPath("$.height").isEqualTo(480)
			.jsonPath("$.bytes").isEqualTo(jpeg.length)
			.jsonPath("$.status").isEqualTo("ACTIVE");
	}

	@Test
	void theOriginalBytesComeBackUnchangedToEditorsOnly() throws IOException {
		byte[] png = image("png", 120, 80, Color.BLUE);
		Map<?, ?> created = upload(png, "chart.png", "{\"credit\": \"Newsroom Graphics\"}", identity.editor())
			.expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();

		byte[] body = http.get().uri("/api/media/{id}/original", created.get("id"))
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.editor())
			.exchange()
			.expectStatus().isOk()
			.expectHeader().contentType(MediaType.IMAGE_PNG)
			.expectBody(byte[].class).returnResult().getResponseBody();
		assertThat(body).isEqualTo(png);

		http.get().uri("/api/media/{id}/original", created.get("id")).exchange().expectStatus().isUnauthorized();
		http.get().uri("/api/media/{id}/original", created.get("id"))
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.reader())
			.exchange().expectStatus().isForbidden();
	}

	@Test
	void theOriginalAnswersConditionalRequestsAndHeadForEditors() {
		String id = uploadedId(TestPhotos.jpeg(200, 100));
		String etag = http.get().uri("/api/media/{id}/original", id)
			.header(HttpHeaders.AUTHORIZATION, bearer(identity.editor()))
			.exchange()
			.expectStatus().isOk()
			.expectHeader().value(HttpHeaders.CONTENT_DISPOSITION, v -> assertThat(v).startsWith("inline"))
			.expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
			.returnResult(byte[].class)
			.getResponseHeaders()
			.getETag();
		http.get().uri("/api/media/{id}/original", id)
			.header(HttpHeaders.AUTHORIZATION, bearer(identity.editor()))
			.header(HttpHeaders.IF_NONE_MATCH, etag)
			.exchange()
			.expectStatus().isNotModified();
		http.head().uri("/api/media/{id}/original", id)
			.header(HttpHeaders.AUTHORIZATION, bearer(identity.editor()))
			.exchange()
			.expectStatus().isOk()
			.expectBody().isEmpty();
		http.head().uri("/api/media/{id}/original", id).exchange().expectStatus().isUnauthorized();
	}

	@Test
	void uploadingTheSameBytesTwiceReturnsTheFirstPhoto() throws IOException {
		byte[] jpeg = image("jpg", 300, 200, Color.GREEN);
		Map<?, ?> first = upload(jpeg, "a.jpg", "{\"credit\": \"AFP\"}", identity.editor())
			.expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
		Map<?, ?> second = upload(jpeg, "b.jpg", "{\"credit\": \"AFP\"}", identity.editor())
			.expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
		assertThat(second.get("id")).isEqualTo(first.get("id"));
	}

	@Test
	void aPhotoWithoutACreditIsRefusedNamingTheField() throws IOException {
		upload(image("jpg", 50, 50, Color.RED), "x.jpg", "{\"caption\": \"no credit\"}", identity.editor())
			.expectStatus().isEqualTo(422)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("credit");
	}

	@Test
	void htmlNamedJpgIsUnsupportedMediaType() {
		byte[] html = "<html><script>alert(1)</script></html>".getBytes();
		upload(html, "cat.jpg", "{\"credit\": \"AFP\"}", identity.editor())
			.expectStatus().isEqualTo(415)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void aTruncatedJpegIsUnprocessable() throws IOException {
		byte[] jpeg = image("jpg", 400, 300, Color.GRAY);
		upload(Arrays.copyOf(jpeg, 12), "cut.jpg", "{\"credit\": \"AFP\"}", identity.editor())
			.expectStatus().isEqualTo(422)
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("file");
	}

	@Test
	void uploadsNeedAnEditor() throws IOException {
		byte[] jpeg = image("jpg", 10, 10, Color.BLACK);
		upload(jpeg, "x.jpg", "{\"credit\": \"AFP\"}", null).expectStatus().isUnauthorized();
		upload(jpeg, "x.jpg", "{\"credit\": \"AFP\"}", identity.reader()).expectStatus().isForbidden();
	}

	@Test
	void malformedMetadataIs400AndUnknownIdsAre404() throws IOException {
		upload(image("jpg", 10, 10, Color.WHITE), "x.jpg", "{\"credit\": ", identity.editor())
			.expectStatus().isBadRequest()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
		http.get().uri("/api/media/000000000000000000000000").exchange().expectStatus().isNotFound()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	static byte[] image(String format, int width, int height, Color color) throws IOException {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(color);
		g.fillRect(0, 0, width, height);
		g.setColor(Color.WHITE);
		g.drawLine(0, 0, width, height);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, format, out);
		return out.toByteArray();
	}
}
