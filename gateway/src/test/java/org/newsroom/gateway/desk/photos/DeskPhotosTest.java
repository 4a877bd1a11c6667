package org.newsroom.gateway.desk.photos;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.Test;
import org.newsroom.gateway.RunningGatewayTestSupport;
import org.newsroom.gateway.desk.DeskSessions;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desk's photo pages, rendered by the gateway from what media-service (a WireMock stand-in)
 * answers the signed-in editor: the library with its search and pages, one photo with every
 * field and its usage in words, and the takedown offered to admins only. (Uploading, saving and
 * taking down run in the browser: e2e-tests' DeskPhotosIT.)
 */
@TestPropertySource(properties = "newsroom.web.time-zone=Asia/Seoul")
class DeskPhotosTest extends RunningGatewayTestSupport {

	private static final String PHOTO = "6752c1e0a4b2c93d1f0e4a11";

	private static final String SNOW = """
			{"id": "6752c1e0a4b2c93d1f0e4a11", "caption": "광화문광장에 첫눈이 내렸다", "altText": "Snow on a city square",
			 "credit": "Reuters-Yonhap", "rawCredit": "REUTERS / Yonhap", "creator": "Kim Hong-ji", "source": "Reuters",
			 "copyrightNotice": "© 2026 Reuters", "usageTerms": "Editorial use only", "rightsExpireAt": "2026-01-02T00:30:00Z",
			 "contentType": "image/jpeg", "width": 6000, "height": 4000, "bytes": 8123456, "sha256": "9f2c",
			 "createdAt": "2026-12-06T01:15:00Z", "updatedAt": "2026-12-06T01:15:00Z",
			 "renditions": [
			  {"name": "thumb", "width": 320, "height": 213, "url": "/api/media/6752c1e0a4b2c93d1f0e4a11/renditions/thumb"},
			  {"name": "small", "width": 640, "height": 427, "url": "/api/media/6752c1e0a4b2c93d1f0e4a11/renditions/small"}],
			 "status": "ACTIVE", "takenDownAt": null, "somethingNew": true}""";

	private static final String FERRY = """
			{"id": "6752c1e0a4b2c93d1f0e4a12", "caption": "The ferry leaves Busan", "credit": "AFP",
			 "contentType": "image/jpeg", "width": 800, "height": 533, "createdAt": "2026-12-05T23:00:00Z",
			 "renditions": [{"name": "thumb", "width": 320, "height": 213, "url": "/api/media/6752c1e0a4b2c93d1f0e4a12/renditions/thumb"}],
			 "status": "ACTIVE"}""";

	@Test
	void theLibraryShowsEachPhotosThumbnailCaptionCreditAndRightsInTheNewsroomsZone() {
		DeskSessions.SignedIn editor = DeskSessions.signIn(http, identity, "editor1", "editor");
		media.stubFor(get(urlPathEqualTo("/api/media"))
			.willReturn(okJson("{\"items\": [" + SNOW + ", " + FERRY + "], \"nextCursor\": null}")));

		String page = page(editor, "/desk/photos").expectStatus().isOk()
			.expectHeader().cacheControl(org.springframework.http.CacheControl.noStore())
			.expectBody(String.class).returnResult().getResponseBody();

		assertThat(page).contains("<img src=\"/api/media/6752c1e0a4b2c93d1f0e4a11/renditions/thumb\" alt=\"Snow on a city square\"",
				"광화문광장에 첫눈이 내렸다", "Reuters-Yonhap", "expired 2026-01-02 09:30 KST", "The ferry leaves Busan", "AFP",
				"no expiry", "href=\"/desk/photos/6752c1e0a4b2c93d1f0e4a12\"", "2026-12-06 10:15 KST");
		assertThat(page).contains("id=\"upload-file\"", "id=\"upload-credit\"", "<label for=\"upload-credit\">");
		assertThat(page).doesNotContain("Next page");
		assertRunsNoInlineCode(page);
		media.verify(getRequestedFor(urlPathEqualTo("/api/media")).withQueryParam("size", equalTo("24"))
			.withHeader(HttpHeaders.AUTHORIZATION, WireMock.matching("Bearer eyJ.+")));
	}

	@Test
	void theSearchTheStatusAndTheCursorGoToMediaServiceAsTyped() {
		DeskSessions.SignedIn editor = DeskSessions.signIn(http, identity, "editor1", "editor");
		media.stubFor(get(urlPathEqualTo("/api/media"))
			.willReturn(okJson("{\"items\": [" + FERRY + "], \"nextCursor\": \"b2s+/&=x\"}")));

		String page = page(editor, "/desk/photos?q={q}&status=TAKEN_DOWN&cursor={cursor}", "서울 & Busan", "abc+/=")
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

		media.verify(getRequestedFor(urlPathEqualTo("/api/media")).withQueryParam("q", equalTo("서울 & Busan"))
			.withQueryParam("status", equalTo("TAKEN_DOWN")).withQueryParam("cursor", equalTo("abc+/=")));
		// the next page keeps the search and carries media-service's cursor, encoded
		assertThat(page).contains("Next page", "cursor=b2s%2B/%26%3Dx", "First page", "value=\"서울 &amp; Busan\"");
	}

	@Test
	void aRefusedSearchIsExplainedAndAnUnansweredOneSaysMediaServiceIsNotAnswering() {
		DeskSessions.SignedIn editor = DeskSessions.signIn(http, identity, "editor1", "editor");
		media.stubFor(get(urlPathEqualTo("/api/media")).willReturn(WireMock.aResponse().withStatus(400)
			.withHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
			.withBody("{\"type\": \"urn:newsroom:problem:bad-request\", \"detail\": \"cursor: not a cursor of this list\"}")));
		assertThat(page(editor, "/desk/photos?cursor=forged").expectStatus().isOk().expectBody(String.class).returnResult()
			.getResponseBody()).contains("The search could not be made: cursor: not a cursor of this list");

		for (var answer : new com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder[] { serverError(),
				okJson("{\"items\": [{\"id\": \"x\", \"width\": \"wide\"}]}") }) {
			media.stubFor(get(urlPathEqualTo("/api/media")).willReturn(answer));
			assertThat(page(editor, "/desk/photos").expectStatus().isOk().expectBody(String.class).returnResult()
				.getResponseBody()).contains("media-service is not answering").doesNotContain("data-photos");
		}
	}

	@Test
	void aPhotosPageHasEveryFieldTheExpiryInTheNewsroomsZoneAndWhyItCannotBePublished() {
		DeskSessions.SignedIn editor = DeskSessions.signIn(http, identity, "editor1", "editor");
		media.stubFor(get(urlPathEqualTo("/api/media/" + PHOTO)).willReturn(okJson(SNOW)));
		media.stubFor(get(urlPathEqualTo("/api/media/" + PHOTO + "/usage"))
			.willReturn(okJson("{\"usable\": false, \"problems\": [\"RIGHTS_EXPIRED\"]}")));

		String page = page(editor, "/desk/photos/" + PHOTO).expectStatus().isOk()
			.expectHeader().cacheControl(org.springframework.http.CacheControl.noStore())
			.expectBody(String.class).returnResult().getResponseBody();

		assertThat(page).contains("data-photo-id=\"" + PHOTO + "\"",
				"src=\"/api/media/6752c1e0a4b2c93d1f0e4a11/renditions/small\"",
				">광화문광장에 첫눈이 내렸다</textarea>", ">Snow on a city square</textarea>", "value=\"Reuters-Yonhap\"",
				"value=\"Kim Hong-ji\"", "value=\"Reuters\"", "value=\"© 2026 Reuters\"", ">Editorial use only</textarea>",
				"type=\"datetime-local\"", "value=\"2026-01-02T09:30\"", "in Asia/Seoul (KST, UTC+09:00)",
				"data-zone=\"Asia/Seoul\"", "Its rights expired on 2026-01-02 09:30 KST");
		for (String field : new String[] { "caption", "altText", "credit", "creator", "source", "copyrightNotice",
				"usageTerms", "rightsExpireAt" }) {
			assertThat(page).as(field).contains("<label for=\"edit-" + field + "\">", "id=\"edit-" + field + "\"");
		}
		assertThat(page).as("editors are not offered the takedown").doesNotContain("data-takedown");
		assertRunsNoInlineCode(page);
	}

	@Test
	void onlyAnAdminIsOfferedToTakeAPhotoDown() {
		media.stubFor(get(urlPathEqualTo("/api/media/" + PHOTO)).willReturn(okJson(SNOW)));
		media.stubFor(get(urlPathEqualTo("/api/media/" + PHOTO + "/usage"))
			.willReturn(okJson("{\"usable\": true, \"problems\": []}")));
		DeskSessions.SignedIn admin = DeskSessions.signIn(http, identity, "admin1", "editor", "admin");

		String page = page(admin, "/desk/photos/" + PHOTO).expectStatus().isOk().expectBody(String.class).returnResult()
			.getResponseBody();

		assertThat(page).contains("data-takedown", "data-takedown-start", "Yes: articles can be published with this photo.");
	}

	@Test
	void aTakenDownPhotoIsShownReadOnlyWithoutTheTakedown() {
		media.stubFor(get(urlPathEqualTo("/api/media/" + PHOTO)).willReturn(okJson(SNOW
			.replace("\"status\": \"ACTIVE\", \"takenDownAt\": null", "\"status\": \"TAKEN_DOWN\", \"takenDownAt\": \"2026-12-06T03:00:00Z\"")
			.replaceAll("\"renditions\": \\[[^]]*]", "\"renditions\": []"))));
		media.stubFor(get(urlPathEqualTo("/api/media/" + PHOTO + "/usage"))
			.willReturn(okJson("{\"usable\": false, \"problems\": [\"TAKEN_DOWN\"]}")));
		DeskSessions.SignedIn admin = DeskSessions.signIn(http, identity, "admin1", "editor", "admin");

		String page = page(admin, "/desk/photos/" + PHOTO).expectStatus().isOk().expectBody(String.class).returnResult()
			.getResponseBody();

		assertThat(page).contains("It was taken down on 2026-12-06 12:00 KST", "<fieldset class=\"photo-fields\" disabled=\"disabled\">",
				"None: a taken-down photo has no files.").doesNotContain("data-takedown-start", "Save changes");
	}

	@Test
	void anUnknownPhotoIsNotFoundAndAnUnansweredOneUnavailable() {
		DeskSessions.SignedIn editor = DeskSessions.signIn(http, identity, "editor1", "editor");
		media.stubFor(get(urlPathEqualTo("/api/media/6752c1e0a4b2c93d1f0e4aff")).willReturn(notFound()));
		assertThat(page(editor, "/desk/photos/6752c1e0a4b2c93d1f0e4aff").expectStatus().isNotFound()
			.expectBody(String.class).returnResult().getResponseBody()).contains("No such photo", "href=\"/desk/photos\"");

		media.stubFor(get(urlPathEqualTo("/api/media/" + PHOTO)).willReturn(serverError()));
		assertThat(page(editor, "/desk/photos/" + PHOTO).expectStatus().isEqualTo(503)
			.expectBody(String.class).returnResult().getResponseBody()).contains("media-service is not answering");
	}

	@Test
	void aPhotoFileOfSeveralMegabytesReachesMediaServiceToBeReadAsTheUploadDoes() {
		DeskSessions.SignedIn editor = DeskSessions.signIn(http, identity, "editor1", "editor");
		media.stubFor(post(urlPathEqualTo("/api/media/metadata")).willReturn(okJson("{\"credit\": \"Yonhap\"}")));
		MultipartBodyBuilder form = new MultipartBodyBuilder();
		form.part("file", new ByteArrayResource(new byte[3 * 1024 * 1024]) {
			@Override
			public String getFilename() {
				return "big.jpg";
			}
		}).contentType(MediaType.IMAGE_JPEG);

		http.post().uri("/desk/api/media/metadata").header(HttpHeaders.COOKIE, editor.cookie())
			.header("X-CSRF-TOKEN", editor.csrf())
			.contentType(MediaType.MULTIPART_FORM_DATA).bodyValue(form.build())
			.exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.credit").isEqualTo("Yonhap");
		media.verify(postRequestedFor(urlPathEqualTo("/api/media/metadata"))
			.withHeader(HttpHeaders.AUTHORIZATION, WireMock.matching("Bearer eyJ.+")));

		// and for apps, under the API's own path, with the upload's body limit too
		http.post().uri("/api/media/metadata").header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.editor())
			.contentType(MediaType.MULTIPART_FORM_DATA).bodyValue(form.build())
			.exchange()
			.expectStatus().isOk();
	}

	@Test
	void thePhotoPagesAskForASignIn() {
		http.get().uri("/desk/photos").accept(MediaType.TEXT_HTML).exchange().expectStatus().isFound();
		http.get().uri("/desk/photos/" + PHOTO).accept(MediaType.TEXT_HTML).exchange().expectStatus().isFound();
		assertNothingReached(media);
	}

	private WebTestClient.ResponseSpec page(DeskSessions.SignedIn session, String uri, Object... variables) {
		return http.get().uri(uri, variables).header(HttpHeaders.COOKIE, session.cookie()).accept(MediaType.TEXT_HTML).exchange();
	}

	/** The desk's policy runs no inline script and no inline style: the page must not need any. */
	private static void assertRunsNoInlineCode(String page) {
		assertThat(page).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>")
			.doesNotContainPattern("\\sstyle=")
			.doesNotContainPattern("\\son[a-z]+=");
	}
}
