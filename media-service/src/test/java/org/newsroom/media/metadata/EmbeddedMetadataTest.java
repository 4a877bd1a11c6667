package org.newsroom.media.metadata;

import java.util.List;
import java.util.Map;

import org.apache.commons.imaging.formats.jpeg.iptc.IptcRecord;
import org.apache.commons.imaging.formats.jpeg.iptc.IptcTypes;
import org.junit.jupiter.api.Test;
import org.newsroom.media.MediaApiTest;
import org.newsroom.media.TestPhotos;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Credits, captions, creators and rights read from the photo itself (IPTC IIM, XMP, EXIF, as
 * written by Commons Imaging), merged under what the editor types in the form.
 */
class EmbeddedMetadataTest extends MediaApiTest {

	@Test
	void anAgencyPhotoNeedsNoFormBecauseItsIptcSaysItAll() {
		byte[] photo = TestPhotos.withIptc(TestPhotos.jpeg(320, 240), List.of(
				new IptcRecord(IptcTypes.CREDIT, "Reuters-Yonhap"),
				new IptcRecord(IptcTypes.CAPTION_ABSTRACT, "서울 광화문광장에서 시민들이 눈을 맞으며 걷고 있다."),
				new IptcRecord(IptcTypes.BYLINE, "Kim Hong-ji"),
				new IptcRecord(IptcTypes.COPYRIGHT_NOTICE, "© 2024 Reuters"),
				new IptcRecord(IptcTypes.SOURCE, "Reuters")));
		Map<String, Object> created = uploaded(photo, null);
		assertThat(created).containsEntry("credit", "Reuters-Yonhap")
			.containsEntry("caption", "서울 광화문광장에서 시민들이 눈을 맞으며 걷고 있다.")
			.containsEntry("creator", "Kim Hong-ji")
			.containsEntry("copyrightNotice", "© 2024 Reuters")
			.containsEntry("source", "Reuters");
	}

	@Test
	void xmpFillsTheFieldsIncludingUsageTerms() {
		byte[] photo = TestPhotos.withXmp(TestPhotos.jpeg(320, 240), TestPhotos.xmp("AFP", "Jung Yeon-je",
				"Snow falls on Seoul, Dec. 2.", "© AFP 2024", "AFP Photo", "Editorial use only"));
		Map<String, Object> created = uploaded(photo, null);
		assertThat(created).containsEntry("credit", "AFP")
			.containsEntry("creator", "Jung Yeon-je")
			.containsEntry("caption", "Snow falls on Seoul, Dec. 2.")
			.containsEntry("copyrightNotice", "© AFP 2024")
			.containsEntry("source", "AFP Photo")
			.containsEntry("usageTerms", "Editorial use only");
	}

	@Test
	void altTextComesFromIptcCoresAltTextAccessibilityAndTheFormWins() {
		String xmp = """
				<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
				<rdf:Description rdf:about="" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"
				 xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/">
				<photoshop:Credit>Yonhap</photoshop:Credit>
				<Iptc4xmpCore:AltTextAccessibility><rdf:Alt><rdf:li xml:lang="x-default">눈 덮인 광장을 걷는 시민들</rdf:li></rdf:Alt></Iptc4xmpCore:AltTextAccessibility>
				</rdf:Description></rdf:RDF></x:xmpmeta>""";
		assertThat(uploaded(TestPhotos.withXmp(TestPhotos.jpeg(320, 240), xmp), null))
			.containsEntry("altText", "눈 덮인 광장을 걷는 시민들");
		assertThat(uploaded(TestPhotos.withXmp(TestPhotos.jpeg(320, 240), xmp), "{\"altText\": \"Citizens in the snow\"}"))
			.containsEntry("altText", "Citizens in the snow");
	}

	@Test
	void iptcIimWinsOverXmpAndXmpOverExifAsTheContractOrdersThem() {
		byte[] photo = TestPhotos.withExif(TestPhotos.jpeg(320, 240), 1, "Exif Artist", "Exif caption", "Exif rights");
		photo = TestPhotos.withXmp(photo, TestPhotos.xmp("XMP Credit", "XMP Creator", null, "XMP rights", null, null));
		photo = TestPhotos.withIptc(photo, List.of(new IptcRecord(IptcTypes.CREDIT, "IIM Credit")));
		Map<String, Object> created = uploaded(photo, null);
		assertThat(created).containsEntry("credit", "IIM Credit")
			.containsEntry("creator", "XMP Creator")
			.containsEntry("copyrightNotice", "XMP rights")
			.containsEntry("caption", "Exif caption");
	}

	@Test
	void exifAloneGivesNoCreditSoTheUploadIsRefusedNamingIt() {
		byte[] photo = TestPhotos.withExif(TestPhotos.jpeg(320, 240), 1, "Lee Jin-man", "Fans cheer", "© AP");
		upload(photo, null)
			.expectStatus().isEqualTo(422)
			.expectBody()
			.jsonPath("$.type").isEqualTo("urn:newsroom:problem:missing-credit")
			.jsonPath("$.errors[0].field").isEqualTo("credit");
	}

	@Test
	void theFormWinsOverTheFileAndTheFileFillsTheRest() {
		byte[] photo = TestPhotos.withIptc(TestPhotos.jpeg(320, 240), List.of(
				new IptcRecord(IptcTypes.CREDIT, "Reuters"),
				new IptcRecord(IptcTypes.CAPTION_ABSTRACT, "Caption from the agency"),
				new IptcRecord(IptcTypes.BYLINE, "Agency Photographer")));
		Map<String, Object> created = uploaded(photo, """
				{"credit": "Reuters-Yonhap", "caption": "Caption from our desk", "altText": "Two people on a bridge"}""");
		assertThat(created).containsEntry("credit", "Reuters-Yonhap")
			.containsEntry("caption", "Caption from our desk")
			.containsEntry("altText", "Two people on a bridge")
			.containsEntry("creator", "Agency Photographer");
	}

	@Test
	void theRawCreditIsKeptAndTheDisplayCreditIsNormalised() {
		byte[] photo = TestPhotos.withIptc(TestPhotos.jpeg(320, 240),
				List.of(new IptcRecord(IptcTypes.CREDIT, "  REUTERS /  Yonhap ")));
		Map<String, Object> created = uploaded(photo, null);
		assertThat(created).containsEntry("credit", "REUTERS-Yonhap").containsEntry("rawCredit", "REUTERS / Yonhap");
	}

	@Test
	void aPngCarriesItsCreditInXmp() {
		byte[] photo = TestPhotos.pngWithXmp(200, 100, TestPhotos.xmp("Newsroom Graphics", "Data desk",
				"Seoul's population, 1990-2024", null, null, null));
		Map<String, Object> created = uploaded(photo, null);
		assertThat(created).containsEntry("contentType", "image/png")
			.containsEntry("credit", "Newsroom Graphics")
			.containsEntry("caption", "Seoul's population, 1990-2024");
	}

	@Test
	void aWebpCarriesItsCreditInXmp() {
		byte[] photo = TestPhotos.webpWithXmp(40, 20, TestPhotos.xmp("EPA-Yonhap", null, "A WebP from the wire",
				null, null, null));
		Map<String, Object> created = uploaded(photo, null);
		assertThat(created).containsEntry("contentType", "image/webp")
			.containsEntry("credit", "EPA-Yonhap")
			.containsEntry("caption", "A WebP from the wire");
	}

	@Test
	void aCaptionInTheFileLongerThanAllowedIsRefusedSayingWhereItCameFrom() {
		byte[] photo = TestPhotos.withXmp(TestPhotos.jpeg(320, 240),
				TestPhotos.xmp("AFP", null, "x".repeat(2500), null, null, null));
		upload(photo, null)
			.expectStatus().isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].field").isEqualTo("caption")
			.jsonPath("$.errors[0].message").value(String.class, m -> assertThat(m).contains("file's metadata"));
		// a caption in the form replaces the file's, and the photo is taken
		upload(photo, "{\"caption\": \"Short and right\"}").expectStatus().isCreated();
	}

	/** XMP is XML: an entity that reads a server file must not reach the photo's fields. */
	@Test
	void anXmpPacketWithAnExternalEntityIsIgnoredNotExpanded() {
		String hostile = """
				<?xml version="1.0"?><!DOCTYPE x [<!ENTITY leak SYSTEM "file:///etc/passwd">]>
				<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
				<rdf:Description rdf:about="" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/">
				<photoshop:Credit>&leak;</photoshop:Credit></rdf:Description></rdf:RDF></x:xmpmeta>""";
		byte[] photo = TestPhotos.withXmp(TestPhotos.jpeg(64, 48), hostile);
		upload(photo, null).expectStatus().isEqualTo(422)
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("credit");
		Map<String, Object> created = uploaded(photo, "{\"credit\": \"AFP\"}");
		assertThat(created).containsEntry("credit", "AFP");
		assertThat(created.toString()).doesNotContain("root:");
	}

	@Test
	void formValuesBreakingTheLimitsAreRefusedNamingTheField() {
		upload(TestPhotos.jpeg(64, 48), "{\"credit\": \"AFP\", \"altText\": \"" + "a".repeat(1001) + "\"}")
			.expectStatus().isEqualTo(422)
			.expectBody()
			.jsonPath("$.type").isEqualTo("urn:newsroom:problem:invalid-input")
			.jsonPath("$.errors[0].field").isEqualTo("altText");
		upload(TestPhotos.jpeg(64, 48), "{\"credit\": \"AFP\", \"width\": 10}")
			.expectStatus().isBadRequest();
		upload(TestPhotos.jpeg(64, 48), "{\"credit\": 42}").expectStatus().isBadRequest();
	}

	@Test
	void metadataSentWithoutAPartTypeIsStillReadAsUtf8Json() {
		var form = new org.springframework.util.LinkedMultiValueMap<String, Object>();
		form.add("file", new org.springframework.core.io.ByteArrayResource(TestPhotos.jpeg(64, 48)) {
			@Override
			public String getFilename() {
				return "x.jpg";
			}
		});
		form.add("metadata", "{\"credit\": \"연합뉴스\"}");
		http.post().uri("/api/media")
			.header(org.springframework.http.HttpHeaders.AUTHORIZATION, bearer(identity.editor()))
			.contentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA)
			.body(form)
			.exchange()
			.expectStatus().isCreated()
			.expectBody().jsonPath("$.credit").isEqualTo("연합뉴스");
	}
}
