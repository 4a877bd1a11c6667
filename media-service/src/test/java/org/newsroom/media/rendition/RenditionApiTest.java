package org.newsroom.media.rendition;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.iptc.IptcDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.imaging.formats.jpeg.iptc.IptcRecord;
import org.apache.commons.imaging.formats.jpeg.iptc.IptcTypes;
import org.junit.jupiter.api.Test;
import org.newsroom.media.MediaApiTest;
import org.newsroom.media.TestPhotos;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renditions as pages and apps fetch them: sizes, pixels (orientation, CMYK, transparency),
 * what metadata survives, caching and conditional requests, names that are not renditions, and
 * many readers asking for a rendition that does not exist yet.
 */
class RenditionApiTest extends MediaApiTest {

	@Autowired
	MeterRegistry meters;

	@Test
	void mediaJsonListsEveryRenditionWithItsSizeAndSiteRelativeUrl() {
		Map<String, Object> photo = uploaded(TestPhotos.jpeg(2000, 1000), "{\"credit\": \"Yonhap\"}");
		String id = (String) photo.get("id");
		assertThat(photo.get("renditions")).isEqualTo(List.of(
				Map.of("name", "thumb", "width", 320, "height", 160, "url", "/api/media/" + id + "/renditions/thumb"),
				Map.of("name", "small", "width", 640, "height", 320, "url", "/api/media/" + id + "/renditions/small"),
				Map.of("name", "medium", "width", 1024, "height", 512, "url", "/api/media/" + id + "/renditions/medium"),
				Map.of("name", "large", "width", 1600, "height", 800, "url", "/api/media/" + id + "/renditions/large"),
				Map.of("name", "og", "width", 1200, "height", 630, "url", "/api/media/" + id + "/renditions/og")));
	}

	@Test
	void everyRenditionHasExactlyTheSizeTheJsonPromises() {
		Map<String, Object> photo = uploaded(TestPhotos.jpeg(1700, 900), "{\"credit\": \"Yonhap\"}");
		for (Object listed : (List<?>) photo.get("renditions")) {
			Map<?, ?> rendition = (Map<?, ?>) listed;
			BufferedImage image = decode(rendition(photo.get("id").toString(), rendition.get("name").toString()));
			assertThat(image.getWidth()).as(rendition.get("name") + " width").isEqualTo(rendition.get("width"));
			assertThat(image.getHeight()).as(rendition.get("name") + " height").isEqualTo(rendition.get("height"));
		}
	}

	@Test
	void aSmallOriginalIsNeverUpscaled() {
		Map<String, Object> photo = uploaded(TestPhotos.jpeg(800, 600), "{\"credit\": \"Yonhap\"}");
		String id = (String) photo.get("id");
		assertThat(sizes(photo)).containsExactly("thumb 320x240", "small 640x480", "medium 800x600",
				"large 800x600", "og 800x420");
		BufferedImage large = decode(rendition(id, "large"));
		assertThat(large.getWidth()).isEqualTo(800);
		BufferedImage og = decode(rendition(id, "og"));
		assertThat(og.getWidth()).isEqualTo(800);
		assertThat(og.getHeight()).isEqualTo(420);
	}

	@Test
	void theShareImageIsTheCentreOfAWidePhoto() {
		BufferedImage thirds = new BufferedImage(3000, 1000, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = thirds.createGraphics();
		g.setColor(Color.RED);
		g.fillRect(0, 0, 1000, 1000);
		g.setColor(Color.GREEN);
		g.fillRect(1000, 0, 1000, 1000);
		g.setColor(Color.BLUE);
		g.fillRect(2000, 0, 1000, 1000);
		g.dispose();
		String id = uploadedId(TestPhotos.encode(thirds, "png"));
		BufferedImage og = decode(rendition(id, "og"));
		assertThat(og.getWidth()).isEqualTo(1200);
		assertThat(og.getHeight()).isEqualTo(630);
		assertColour(og, 600, 315, Color.GREEN);
		assertColour(og, 20, 315, Color.RED);
		assertColour(og, 1180, 315, Color.BLUE);
	}

	@Test
	void aRenditionIsServedAsAnImmutableInlineJpeg() {
		String id = uploadedId(TestPhotos.jpeg(900, 600));
		http.get().uri("/api/media/{id}/renditions/thumb", id).exchange()
			.expectStatus().isOk()
			.expectHeader().contentType(MediaType.IMAGE_JPEG)
			.expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "public, max-age=31536000, immutable")
			.expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader().value(HttpHeaders.CONTENT_DISPOSITION, v -> assertThat(v).startsWith("inline"))
			.expectHeader().value(HttpHeaders.ETAG, v -> assertThat(v).matches("\"[0-9a-f]{64}\""))
			.expectHeader().exists(HttpHeaders.LAST_MODIFIED)
			.expectHeader().doesNotExist(HttpHeaders.PRAGMA)
			.expectHeader().doesNotExist(HttpHeaders.EXPIRES);
	}

	@Test
	void conditionalRequestsAndHeadAreAnsweredWithoutTheBody() {
		String id = uploadedId(TestPhotos.jpeg(900, 600));
		ResponseEntity<byte[]> first = fetch(id, "small", new HttpHeaders());
		String etag = first.getHeaders().getETag();
		String lastModified = first.getHeaders().getFirst(HttpHeaders.LAST_MODIFIED);

		HttpHeaders ifNoneMatch = new HttpHeaders();
		ifNoneMatch.set(HttpHeaders.IF_NONE_MATCH, etag);
		ResponseEntity<byte[]> notModified = fetch(id, "small", ifNoneMatch);
		assertThat(notModified.getStatusCode()).isEqualTo(HttpStatus.NOT_MODIFIED);
		assertThat(notModified.getBody()).isNullOrEmpty();
		assertThat(notModified.getHeaders().getETag()).isEqualTo(etag);
		assertThat(notModified.getHeaders().getCacheControl()).isEqualTo("public, max-age=31536000, immutable");

		HttpHeaders otherTag = new HttpHeaders();
		otherTag.set(HttpHeaders.IF_NONE_MATCH, "\"something-else\"");
		assertThat(fetch(id, "small", otherTag).getStatusCode()).isEqualTo(HttpStatus.OK);

		HttpHeaders ifModifiedSince = new HttpHeaders();
		ifModifiedSince.set(HttpHeaders.IF_MODIFIED_SINCE, lastModified);
		assertThat(fetch(id, "small", ifModifiedSince).getStatusCode()).isEqualTo(HttpStatus.NOT_MODIFIED);

		http.head().uri("/api/media/{id}/renditions/small", id).exchange()
			.expectStatus().isOk()
			.expectHeader().contentType(MediaType.IMAGE_JPEG)
			.expectHeader().contentLength(first.getBody().length)
			.expectHeader().valueEquals(HttpHeaders.ETAG, etag)
			.expectBody().isEmpty();
	}

	@Test
	void exifOrientationIsAppliedToThePixelsAndNotLeftAsATag() throws Exception {
		// stored 300 wide, red left and blue right; orientation 6 means "turn a quarter clockwise"
		byte[] stored = TestPhotos.encode(TestPhotos.halves(300, 200, Color.RED, Color.BLUE), "jpg");
		Map<String, Object> photo = uploaded(TestPhotos.withExif(stored, 6, null, null, null), "{\"credit\": \"AP\"}");
		assertThat(photo).containsEntry("width", 200).containsEntry("height", 300);
		byte[] thumb = rendition((String) photo.get("id"), "thumb");
		BufferedImage seen = decode(thumb);
		assertThat(seen.getWidth()).isEqualTo(200);
		assertThat(seen.getHeight()).isEqualTo(300);
		assertColour(seen, 100, 40, Color.RED);
		assertColour(seen, 100, 260, Color.BLUE);
		Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(thumb));
		assertThat(metadata.getDirectoriesOfType(ExifIFD0Directory.class)).isEmpty();
	}

	/**
	 * A CMYK JPEG as agencies send it (Adobe marker, inverted inks). Read naively it comes out
	 * dark or in negative; the rendition must show cyan, magenta, yellow and white.
	 */
	@Test
	void aCmykAgencyPhotoComesOutInItsColoursNotInverted() {
		Map<String, Object> photo = uploaded(TestPhotos.cmykJpeg(200, 200), "{\"credit\": \"EPA-Yonhap\"}");
		assertThat(photo).containsEntry("contentType", "image/jpeg").containsEntry("width", 200);
		BufferedImage seen = decode(rendition((String) photo.get("id"), "medium"));
		int[] cyan = rgb(seen, 50, 50);
		assertThat(cyan[0]).isLessThan(100);
		assertThat(cyan[1]).isGreaterThan(140);
		assertThat(cyan[2]).isGreaterThan(180);
		int[] magenta = rgb(seen, 150, 50);
		assertThat(magenta[0]).isGreaterThan(180);
		assertThat(magenta[1]).isLessThan(100);
		int[] yellow = rgb(seen, 50, 150);
		assertThat(yellow[0]).isGreaterThan(180);
		assertThat(yellow[1]).isGreaterThan(180);
		assertThat(yellow[2]).isLessThan(100);
		int[] paper = rgb(seen, 150, 150);
		assertThat(java.util.Arrays.stream(paper).min().getAsInt()).isGreaterThan(220);
	}

	@Test
	void aWebpBecomesAJpegRendition() {
		String id = uploadedId(TestPhotos.webp(40, 20));
		BufferedImage seen = decode(rendition(id, "thumb"));
		assertThat(seen.getWidth()).isEqualTo(40);
		assertColour(seen, 5, 10, Color.GREEN);
		assertColour(seen, 32, 10, Color.BLACK);
	}

	@Test
	void transparencyBecomesWhiteNotBlack() {
		String id = uploadedId(TestPhotos.pngWithTransparency(200, 100));
		BufferedImage seen = decode(rendition(id, "thumb"));
		assertColour(seen, 50, 50, Color.RED);
		assertColour(seen, 150, 50, Color.WHITE);
	}

	@Test
	void aRenditionKeepsTheCreditAndCopyrightAndNothingElse() throws Exception {
		byte[] original = TestPhotos.withExif(TestPhotos.jpeg(800, 600), 1, "Camera Owner", "Exif caption", null);
		original = TestPhotos.withIptc(original, List.of(new IptcRecord(IptcTypes.CREDIT, "Reuters / Yonhap"),
				new IptcRecord(IptcTypes.COPYRIGHT_NOTICE, "© 2024 Reuters <&> \"Yonhap\""),
				new IptcRecord(IptcTypes.CAPTION_ABSTRACT, "A caption that stays in the CMS"),
				new IptcRecord(IptcTypes.BYLINE, "Kim Hong-ji"),
				new IptcRecord(IptcTypes.CITY, "Seoul")));
		String id = (String) uploaded(original, null).get("id");
		byte[] thumb = rendition(id, "thumb");
		Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(thumb));

		IptcDirectory iptc = metadata.getFirstDirectoryOfType(IptcDirectory.class);
		assertThat(iptc.getString(IptcDirectory.TAG_CREDIT)).isEqualTo("Reuters-Yonhap");
		assertThat(iptc.getString(IptcDirectory.TAG_COPYRIGHT_NOTICE)).isEqualTo("© 2024 Reuters <&> \"Yonhap\"");
		assertThat(iptc.containsTag(IptcDirectory.TAG_CAPTION)).isFalse();
		assertThat(iptc.containsTag(IptcDirectory.TAG_BY_LINE)).isFalse();
		assertThat(iptc.containsTag(IptcDirectory.TAG_CITY)).isFalse();

		var xmp = metadata.getFirstDirectoryOfType(XmpDirectory.class).getXMPMeta();
		assertThat(xmp.getPropertyString("http://ns.adobe.com/photoshop/1.0/", "Credit")).isEqualTo("Reuters-Yonhap");
		assertThat(xmp.getLocalizedText("http://purl.org/dc/elements/1.1/", "rights", null, "x-default").getValue())
			.isEqualTo("© 2024 Reuters <&> \"Yonhap\"");
		assertThat(xmp.doesPropertyExist("http://purl.org/dc/elements/1.1/", "creator")).isFalse();
		assertThat(metadata.getDirectoriesOfType(ExifIFD0Directory.class)).isEmpty();
	}

	@Test
	void aNameThatIsNotARenditionIs404AndNeverReadsAFile() {
		String id = uploadedId(TestPhotos.jpeg(300, 200));
		http.get().uri("/api/media/{id}/renditions/huge", id).exchange()
			.expectStatus().isNotFound()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.type").isEqualTo("urn:newsroom:problem:rendition-not-found");
		for (String attempt : List.of("THUMB", "thumb%00", "..%2F..%2F..%2Fetc%2Fpasswd", "%2e%2e%2foriginal",
				"..;/original", "thumb.jpg", "%2e%2e")) {
			int status = http.get().uri(URI.create("/api/media/" + id + "/renditions/" + attempt)).exchange()
				.returnResult(byte[].class)
				.getStatus()
				.value();
			assertThat(status).as(attempt).isIn(400, 404);
		}
		http.get().uri("/api/media/{id}/renditions/thumb", "000000000000000000000000").exchange()
			.expectStatus().isNotFound()
			.expectBody().jsonPath("$.type").isEqualTo("urn:newsroom:problem:media-not-found");
	}

	/**
	 * Sixteen readers open a page at once and all ask for a rendition nobody has asked for
	 * before. It is made once: one piece of work, one stored file, the same bytes for everyone.
	 */
	@Test
	void concurrentFirstRequestsMakeTheRenditionOnce() throws Exception {
		String id = uploadedId(TestPhotos.jpeg(2400, 1600));
		double madeBefore = made("small");
		ExecutorService readers = Executors.newFixedThreadPool(16);
		try {
			List<Callable<ResponseEntity<byte[]>>> requests = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				requests.add(() -> fetch(id, "small", new HttpHeaders()));
			}
			List<ResponseEntity<byte[]>> responses = new ArrayList<>();
			for (Future<ResponseEntity<byte[]>> response : readers.invokeAll(requests)) {
				responses.add(response.get());
			}
			assertThat(responses).allSatisfy(r -> assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK));
			assertThat(responses.stream().map(r -> r.getHeaders().getETag()).distinct()).hasSize(1);
			assertThat(responses.stream().map(r -> java.util.Arrays.hashCode(r.getBody())).distinct()).hasSize(1);
		}
		finally {
			readers.shutdownNow();
		}
		assertThat(made("small") - madeBefore).isEqualTo(1.0);
		assertThat(storedRenditionFiles(id)).isEqualTo(1);
		// later requests are served from the store
		rendition(id, "small");
		assertThat(made("small") - madeBefore).isEqualTo(1.0);
	}

	private double made(String rendition) {
		Counter counter = meters.find("media.renditions.made").tag("rendition", rendition).counter();
		return counter == null ? 0 : counter.count();
	}

	private ResponseEntity<byte[]> fetch(String id, String name, HttpHeaders headers) {
		var result = http.get().uri("/api/media/{id}/renditions/{name}", id, name)
			.headers(h -> h.addAll(headers))
			.exchange()
			.returnResult(byte[].class);
		return ResponseEntity.status(result.getStatus())
			.headers(result.getResponseHeaders())
			.body(result.getResponseBody());
	}

	private static List<String> sizes(Map<String, Object> photo) {
		return ((List<?>) photo.get("renditions")).stream()
			.map(r -> (Map<?, ?>) r)
			.map(r -> r.get("name") + " " + r.get("width") + "x" + r.get("height"))
			.toList();
	}

	private static int[] rgb(BufferedImage image, int x, int y) {
		int pixel = image.getRGB(x, y);
		return new int[] { (pixel >> 16) & 0xFF, (pixel >> 8) & 0xFF, pixel & 0xFF };
	}

	/** Within JPEG's tolerance of the expected colour. */
	private static void assertColour(BufferedImage image, int x, int y, Color expected) {
		int[] actual = rgb(image, x, y);
		int[] wanted = { expected.getRed(), expected.getGreen(), expected.getBlue() };
		for (int i = 0; i < 3; i++) {
			assertThat(Math.abs(actual[i] - wanted[i])).as("channel %d at %d,%d: %s", i, x, y,
					java.util.Arrays.toString(actual)).isLessThan(40);
		}
	}
}
