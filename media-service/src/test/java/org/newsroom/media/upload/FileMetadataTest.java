package org.newsroom.media.upload;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.commons.imaging.formats.jpeg.iptc.IptcRecord;
import org.apache.commons.imaging.formats.jpeg.iptc.IptcTypes;
import org.junit.jupiter.api.Test;
import org.newsroom.media.MediaApiTest;
import org.newsroom.media.TestPhotos;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/media/metadata}: the desk shows an editor what a file says about itself
 * before the upload is confirmed. It reads as the upload reads, refuses what the upload refuses,
 * and stores nothing.
 */
class FileMetadataTest extends MediaApiTest {

	private static final String PATH = "/api/media/metadata";

	@Test
	void theFilesOwnCaptionCreditCreatorAndTermsAreReadAndNothingIsStored() {
		byte[] photo = TestPhotos.withXmp(TestPhotos.withIptc(TestPhotos.jpeg(320, 240), List.of(
				new IptcRecord(IptcTypes.CREDIT, "REUTERS / Yonhap"),
				new IptcRecord(IptcTypes.CAPTION_ABSTRACT, "서울 광화문광장에서 시민들이 눈을 맞으며 걷고 있다."),
				new IptcRecord(IptcTypes.BYLINE, "Kim Hong-ji"),
				new IptcRecord(IptcTypes.SOURCE, "Reuters"),
				new IptcRecord(IptcTypes.COPYRIGHT_NOTICE, "© 2024 Reuters"))),
				TestPhotos.xmp(null, null, null, null, null, "Editorial use only"));
		long photosBefore = mongo.getCollection("media").countDocuments();

		Map<?, ?> read = postPhoto(PATH, photo, "snow.jpg", null, identity.editor()).expectStatus().isOk()
			.expectBody(Map.class).returnResult().getResponseBody();

		assertThat(read.get("credit")).isEqualTo("REUTERS / Yonhap");
		assertThat(read.get("creditLine")).isEqualTo("REUTERS-Yonhap");
		assertThat(read.get("caption")).isEqualTo("서울 광화문광장에서 시민들이 눈을 맞으며 걷고 있다.");
		assertThat(read.get("creator")).isEqualTo("Kim Hong-ji");
		assertThat(read.get("source")).isEqualTo("Reuters");
		assertThat(read.get("copyrightNotice")).isEqualTo("© 2024 Reuters");
		assertThat(read.get("usageTerms")).isEqualTo("Editorial use only");
		assertThat(read.get("contentType")).isEqualTo("image/jpeg");
		assertThat(read.get("width")).isEqualTo(320);
		assertThat(read.get("height")).isEqualTo(240);
		assertThat(read.get("existingId")).isNull();
		assertThat(read.get("altText")).as("this file has none").isNull();
		assertThat(mongo.getCollection("media").countDocuments()).isEqualTo(photosBefore);
	}

	@Test
	void aFileAlreadyInTheLibraryNamesThePhotoStoredWithTheSameBytes() {
		byte[] photo = TestPhotos.jpeg(200, 100);
		String id = uploadedId(photo);
		postPhoto(PATH, photo, "again.jpg", null, identity.editor()).expectStatus().isOk()
			.expectBody().jsonPath("$.existingId").isEqualTo(id);
	}

	@Test
	void aFileWithoutACreditIsReadNotRefusedTheUploadAsksForOne() {
		byte[] photo = TestPhotos.jpeg(160, 120);
		postPhoto(PATH, photo, "plain.jpg", null, identity.editor()).expectStatus().isOk()
			.expectBody()
			.jsonPath("$.credit").doesNotExist()
			.jsonPath("$.creditLine").doesNotExist()
			.jsonPath("$.caption").doesNotExist();
		upload(photo, null).expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].field").isEqualTo("credit");
	}

	@Test
	void whatTheUploadRefusesIsRefusedHereFirst() {
		byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
		postPhoto(PATH, html, "photo.jpg", null, identity.editor()).expectStatus().isEqualTo(415)
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("file");
		byte[] jpeg = TestPhotos.jpeg(320, 240);
		postPhoto(PATH, Arrays.copyOf(jpeg, jpeg.length / 2), "cut.jpg", null, identity.editor())
			.expectStatus().isEqualTo(422);
		postPhoto(PATH, TestPhotos.jpegClaiming(60_000, 60_000), "bomb.jpg", null, identity.editor())
			.expectStatus().isEqualTo(422);
	}

	@Test
	void onlyEditorsMayAsk() {
		byte[] photo = TestPhotos.jpeg(64, 48);
		postPhoto(PATH, photo, "photo.jpg", null, null).expectStatus().isUnauthorized();
		postPhoto(PATH, photo, "photo.jpg", null, identity.reader()).expectStatus().isForbidden();
	}
}
