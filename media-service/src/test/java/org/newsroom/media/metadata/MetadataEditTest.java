package org.newsroom.media.metadata;

import java.io.ByteArrayInputStream;


import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.iptc.IptcDirectory;
import org.junit.jupiter.api.Test;
import org.newsroom.media.MediaApiTest;
import org.newsroom.media.TestPhotos;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Editors correct a photo's caption, credit and rights with a JSON merge patch. */
class MetadataEditTest extends MediaApiTest {

	static final MediaType MERGE_PATCH = MediaType.parseMediaType("application/merge-patch+json");

	@Test
	void aMergePatchChangesTheGivenFieldsRemovesNullsAndLeavesTheRest() {
		String id = (String) uploaded(TestPhotos.jpeg(320, 240), """
				{"caption": "Old caption", "altText": "Old alt", "credit": "AFP", "creator": "Someone",
				 "usageTerms": "Editorial use only"}""").get("id");
		patch(id, """
				{"caption": "Rescuers search the rubble in Antakya, Feb. 7.", "creator": null,
				 "rightsExpireAt": "2031-01-01T00:00:00Z"}""", identity.editor())
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.caption").isEqualTo("Rescuers search the rubble in Antakya, Feb. 7.")
			.jsonPath("$.creator").doesNotExist()
			.jsonPath("$.altText").isEqualTo("Old alt")
			.jsonPath("$.usageTerms").isEqualTo("Editorial use only")
			.jsonPath("$.rightsExpireAt").isEqualTo("2031-01-01T00:00:00Z");
		http.get().uri("/api/media/{id}", id).exchange()
			.expectBody()
			.jsonPath("$.caption").isEqualTo("Rescuers search the rubble in Antakya, Feb. 7.")
			.jsonPath("$.creator").doesNotExist()
			.jsonPath("$.credit").isEqualTo("AFP");
	}

	@Test
	void aNewCreditIsNormalisedForDisplayAndKeptAsGiven() {
		String id = uploadedId(TestPhotos.jpeg(320, 240));
		patch(id, "{\"credit\": \"Reuters / Yonhap\"}", identity.editor())
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.credit").isEqualTo("Reuters-Yonhap")
			.jsonPath("$.rawCredit").isEqualTo("Reuters / Yonhap");
	}

	@Test
	void theCreditCanBeChangedButNeverRemoved() {
		String id = uploadedId(TestPhotos.jpeg(320, 240));
		for (String removal : new String[] { "{\"credit\": null}", "{\"credit\": \"   \"}", "{\"credit\": \" / \"}" }) {
			patch(id, removal, identity.editor())
				.expectStatus().isEqualTo(422)
				.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody().jsonPath("$.errors[0].field").isEqualTo("credit");
		}
		http.get().uri("/api/media/{id}", id).exchange().expectBody().jsonPath("$.credit").isEqualTo("Yonhap");
	}

	@Test
	void refusedPatchesChangeNothing() {
		String id = (String) uploaded(TestPhotos.jpeg(320, 240), "{\"credit\": \"AFP\", \"caption\": \"Kept\"}")
			.get("id");
		patch(id, "{\"caption\": \"Changed\", \"altText\": \"" + "a".repeat(1001) + "\"}", identity.editor())
			.expectStatus().isEqualTo(422)
			.expectBody()
			.jsonPath("$.type").isEqualTo("urn:newsroom:problem:invalid-input")
			.jsonPath("$.errors[0].field").isEqualTo("altText");
		patch(id, "{\"caption\": \"Changed\", \"photographer\": \"x\"}", identity.editor())
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("photographer");
		patch(id, "{\"caption\": 42}", identity.editor()).expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("caption");
		patch(id, "{\"rightsExpireAt\": \"next tuesday\"}", identity.editor()).expectStatus().isBadRequest();
		patch(id, "{\"caption\": \"Changed\", \"width\": 10}", identity.editor())
			.expectStatus().isEqualTo(422)
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("width");
		patch(id, "[\"caption\"]", identity.editor()).expectStatus().isBadRequest();
		patch(id, "{\"caption\": ", identity.editor()).expectStatus().isBadRequest();
		http.get().uri("/api/media/{id}", id).exchange().expectBody().jsonPath("$.caption").isEqualTo("Kept");
	}

	@Test
	void patchingNeedsAnEditorAndAnExistingPhoto() {
		String id = uploadedId(TestPhotos.jpeg(320, 240));
		patch(id, "{\"caption\": \"x\"}", null).expectStatus().isUnauthorized();
		patch(id, "{\"caption\": \"x\"}", identity.reader()).expectStatus().isForbidden();
		patch("000000000000000000000000", "{\"caption\": \"x\"}", identity.editor()).expectStatus().isNotFound();
	}

	@Test
	void onlyMergePatchOrJsonBodiesAreAccepted() {
		String id = uploadedId(TestPhotos.jpeg(320, 240));
		http.patch().uri("/api/media/{id}", id)
			.header(HttpHeaders.AUTHORIZATION, bearer(identity.editor()))
			.contentType(MediaType.TEXT_PLAIN)
			.body("caption=x")
			.exchange()
			.expectStatus().isEqualTo(415);
		http.patch().uri("/api/media/{id}", id)
			.header(HttpHeaders.AUTHORIZATION, bearer(identity.editor()))
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"caption\": \"plain JSON reads as a merge patch\"}")
			.exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.caption").isEqualTo("plain JSON reads as a merge patch");
	}

	/** Renditions carry the credit, so a corrected credit must reach them. */
	@Test
	void aCorrectedCreditIsStampedIntoRenditionsMadeAfterIt() throws Exception {
		String id = uploadedId(TestPhotos.jpeg(640, 480));
		assertThat(iptcCredit(rendition(id, "thumb"))).isEqualTo("Yonhap");
		patch(id, "{\"credit\": \"AP-Yonhap\"}", identity.editor()).expectStatus().isOk();
		assertThat(iptcCredit(rendition(id, "thumb"))).isEqualTo("AP-Yonhap");
		assertThat(storedRenditionFiles(id)).isEqualTo(1);
	}

	private static String iptcCredit(byte[] jpeg) throws Exception {
		return ImageMetadataReader.readMetadata(new ByteArrayInputStream(jpeg))
			.getFirstDirectoryOfType(IptcDirectory.class)
			.getString(IptcDirectory.TAG_CREDIT);
	}

	private RestTestClient.ResponseSpec patch(String id, String body, String token) {
		RestTestClient.RequestBodySpec request = http.patch().uri("/api/media/{id}", id).contentType(MERGE_PATCH);
		if (token != null) {
			request.header(HttpHeaders.AUTHORIZATION, bearer(token));
		}
		return request.body(body).exchange();
	}

}
