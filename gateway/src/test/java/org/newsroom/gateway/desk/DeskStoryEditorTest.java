package org.newsroom.gateway.desk;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsroom.gateway.RunningGatewayTestSupport;
import org.newsroom.gateway.NewsroomFixtures;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The story editor's pages at the gateway (issue 16, points 3 and 6): the editor shows a draft
 * read from article-service with the editor's own token, every field in its control; the preview
 * is the reader's article page with a banner, never stored or indexed; an unknown story is a
 * clear 404 page; without a session there is no page, only the way to sign in. (Saving,
 * conflicts and publishing in a real browser are e2e-tests' DeskEditorIT.)
 */
@TestPropertySource(properties = { "NEWSROOM_WEB_TIME_ZONE=Asia/Seoul", "NEWSROOM_WEB_SECTIONS=national,world,business" })
class DeskStoryEditorTest extends RunningGatewayTestSupport {

	private static final String ID = NewsroomFixtures.ARTICLE_ID;

	private static final String KOREAN = "서울 첫눈에 출근길 교통 혼잡";

	private DeskSessions.SignedIn editor;

	@BeforeEach
	void signIn() {
		editor = DeskSessions.signIn(http, identity, "editor1", "editor");
	}

	@Test
	void theEditorShowsEveryFieldOfADraftReadWithTheEditorsToken() {
		articles.stubFor(get(urlEqualTo("/api/articles/" + ID)).willReturn(okJson(NewsroomFixtures.write(draft()))
			.withHeader(HttpHeaders.ETAG, "\"4\"")));

		String page = http.get().uri("/desk/stories/" + ID).header(HttpHeaders.COOKIE, editor.cookie())
			.accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isOk()
			.expectHeader().contentType("text/html;charset=UTF-8")
			.expectHeader().value(HttpHeaders.CACHE_CONTROL, value -> assertThat(value).contains("no-store"))
			.expectBody(String.class).returnResult().getResponseBody();

		articles.verify(getRequestedFor(urlEqualTo("/api/articles/" + ID))
			.withHeader(HttpHeaders.AUTHORIZATION, matching("Bearer .+")));
		assertThat(page)
			// the story, its version (the ETag the first save sends) and the newsroom's zone for the script
			.contains("data-story-id=\"" + ID + "\"", "data-version=\"4\"", "data-status=\"DRAFT\"",
					"data-zone=\"Asia/Seoul\"", "<script src=\"/assets/desk-story.js\" defer></script>")
			// Korean as it was written: UTF-8 all the way, not escaped into entities
			.contains("id=\"headline\" name=\"headline\" data-path=\"headline\" maxlength=\"200\" required value=\"" + KOREAN + "\"")
			.contains("value=\"Snow &amp; ice\"", ">Roads froze before dawn.</textarea>")
			.contains("<option value=\"national\" selected=\"selected\">national</option>",
					"<option value=\"world\">world</option>")
			.contains("value=\"weather, 서울\"", ">Kim Min-ji\nJane Doe</textarea>", "value=\"Yonhap\"", "value=\"SEOUL\"",
					"value=\"ko\"", "value=\"" + NewsroomFixtures.PHOTO_ID + "\"",
					"value=\"6750a1b2c3d4e5f601234568, 6750a1b2c3d4e5f601234569\"")
			// 2026-12-07T00:30Z is 09:30 in Seoul, shown as the zone's wall-clock time and named
			.containsPattern("id=\"embargoUntil\"[^>]*value=\"2026-12-07T09:30\"")
			.contains("(Asia/Seoul, Korean Time)")
			// each body block in its own controls, in order, with the markup explained beside them
			.contains(">첫눈이 **많이** 내렸다.</textarea>", "value=\"Traffic\"", ">It was *slow*.</textarea>",
					"value=\"A driver\"", "value=\"6750a1b2c3d4e5f6089abcde\"", "value=\"Snowplough at work\"",
					"value=\"https://www.youtube.com/watch?v=abc\"")
			.containsSubsequence("data-type=\"paragraph\"", "data-type=\"heading\"", "data-type=\"quote\"",
					"data-type=\"image\"", "data-type=\"embed\"")
			.contains("id=\"markup-help\"", "<code>**bold**</code>", "<code>[label](https://example.com)</code>")
			// every control has its label
			.contains("<label for=\"block-b0-text\">Text</label>", "<label for=\"block-b2-attribution\">",
					"<label for=\"leadMediaId\">", "<label for=\"publish-at\">")
			// and "Add a block" has an empty block of each type to copy
			.contains("data-block-template=\"embed\"", "id=\"block-__key__-url\"")
			.doesNotContain("<script>", " style=\"", " onclick=");
	}

	@Test
	void aNewStoryStartsEmptyInTheFirstSection() {
		String page = http.get().uri("/desk/stories/new").header(HttpHeaders.COOKIE, editor.cookie())
			.accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();

		assertThat(page).contains("<h1 id=\"editor-title\">New story</h1>", "Not saved yet",
				"<option value=\"national\" selected=\"selected\">national</option>", "value=\"en\"",
				"data-type=\"paragraph\"", "Save the story first")
			.doesNotContain("data-story-id=");
		assertNothingReached(articles);
	}

	@Test
	void thePreviewIsTheReadersPageWithABannerNeverStoredNorIndexed() {
		articles.stubFor(get(urlEqualTo("/api/articles/" + ID)).willReturn(okJson(NewsroomFixtures.write(draft()))));
		articles.stubFor(get(urlPathEqualTo("/api/articles/summaries"))
			.willReturn(okJson(NewsroomFixtures.write(NewsroomFixtures.relatedSummaries()))));
		NewsroomFixtures.servePhoto(media);
		rankings.stubFor(get(urlPathEqualTo("/api/rankings/top")).willReturn(okJson(NewsroomFixtures.write(NewsroomFixtures.top()))));

		String page = http.get().uri("/desk/stories/" + ID + "/preview").header(HttpHeaders.COOKIE, editor.cookie())
			.accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isOk()
			.expectHeader().contentType("text/html;charset=UTF-8")
			.expectHeader().value(HttpHeaders.CACHE_CONTROL, value -> assertThat(value).contains("no-store"))
			.expectHeader().valueEquals("X-Robots-Tag", "noindex")
			.expectBody(String.class).returnResult().getResponseBody();

		articles.verify(getRequestedFor(urlEqualTo("/api/articles/" + ID))
			.withHeader(HttpHeaders.AUTHORIZATION, matching("Bearer .+")));
		assertThat(page)
			.contains("Preview, not published", "<a href=\"/desk/stories/" + ID + "\">Back to the editor</a>",
					"<meta name=\"robots\" content=\"noindex\">")
			// the reader's own template: headline, deck, lead photo with its credit, body, Top 10, related
			.contains("<h1 class=\"headline\">" + KOREAN + "</h1>", "<p class=\"deck\">Snow &amp; ice</p>",
					"<span class=\"credit\">" + NewsroomFixtures.CREDIT + "</span>",
					"<p>첫눈이 <strong>많이</strong> 내렸다.</p>", "<h2>Traffic</h2>", "Top 10 Stories",
					NewsroomFixtures.TOP_HEADLINES.get(0), "Swiss glaciers lose four percent of their ice in a year")
			// a preview is not a reader's view: no article id for the view beacon
			.doesNotContain("data-article-id");
	}

	@Test
	void aStoryThatDoesNotExistIsAClear404Page() {
		String missing = "6750a1b2c3d4e5f6000000ff";
		articles.stubFor(get(urlEqualTo("/api/articles/" + missing)).willReturn(notFound()));

		for (String path : new String[] { "/desk/stories/" + missing, "/desk/stories/" + missing + "/preview" }) {
			String page = http.get().uri(path).header(HttpHeaders.COOKIE, editor.cookie()).accept(MediaType.TEXT_HTML)
				.exchange()
				.expectStatus().isNotFound()
				.expectHeader().value(HttpHeaders.CACHE_CONTROL, value -> assertThat(value).contains("no-store"))
				.expectBody(String.class).returnResult().getResponseBody();
			assertThat(page).as(path).contains("No story with the id " + missing, "href=\"/desk\"")
				.doesNotContain("Exception", "Whitelabel");
		}
		// an id that cannot be one is not asked for at all
		http.get().uri("/desk/stories/not-an-id").header(HttpHeaders.COOKIE, editor.cookie()).exchange()
			.expectStatus().isNotFound();
		articles.verify(0, getRequestedFor(urlEqualTo("/api/articles/not-an-id")));
	}

	@Test
	void whenArticleServiceFailsTheEditorSaysSo() {
		articles.stubFor(get(urlEqualTo("/api/articles/" + ID)).willReturn(serverError()));

		String page = http.get().uri("/desk/stories/" + ID).header(HttpHeaders.COOKIE, editor.cookie())
			.accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isEqualTo(503)
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(page).contains("article-service is not answering");
	}

	@Test
	void withoutASessionTheEditorAndThePreviewSendTheBrowserToSignIn() {
		for (String path : new String[] { "/desk/stories/new", "/desk/stories/" + ID, "/desk/stories/" + ID + "/preview" }) {
			http.get().uri(path).accept(MediaType.TEXT_HTML).exchange()
				.expectStatus().isFound()
				.expectHeader().valueEquals(HttpHeaders.LOCATION, DeskSecurity.SIGN_IN);
		}
		assertNothingReached(articles);
	}

	@Test
	void aSessionWhoseTokensAreGoneIsSentToSignInAgain() {
		DeskSessions.SignedIn expiring = DeskSessions.signIn(http, identity, Duration.ofSeconds(1), "editor2", "editor");
		identity.wireMock().stubFor(WireMock.post("/realms/news/protocol/openid-connect/token")
			.withRequestBody(containing("refresh_token=refresh-"))
			.willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
				.withBody("{\"error\": \"invalid_grant\", \"error_description\": \"Session not active\"}")));

		for (String path : new String[] { "/desk/stories/" + ID, "/desk/stories/" + ID + "/preview" }) {
			http.get().uri(path).header(HttpHeaders.COOKIE, expiring.cookie()).accept(MediaType.TEXT_HTML).exchange()
				.expectStatus().isFound()
				.expectHeader().valueEquals(HttpHeaders.LOCATION, DeskSecurity.SIGN_IN);
		}
		assertNothingReached(articles);
	}

	/** A draft with every field an editor writes, a Korean headline and one block of each type. */
	private static Map<String, Object> draft() {
		Map<String, Object> draft = NewsroomFixtures.article("서울-첫눈에-출근길-교통-혼잡", KOREAN, List.of(
				Map.of("type", "paragraph", "text", "첫눈이 **많이** 내렸다."),
				Map.of("type", "heading", "text", "Traffic"),
				Map.of("type", "quote", "text", "It was *slow*.", "attribution", "A driver"),
				Map.of("type", "image", "mediaId", NewsroomFixtures.PHOTO_ID, "caption", "Snowplough at work"),
				Map.of("type", "embed", "url", "https://www.youtube.com/watch?v=abc")));
		draft.put("deck", "Snow & ice");
		draft.put("summary", "Roads froze before dawn.");
		draft.put("section", "national");
		draft.put("tags", List.of("weather", "서울"));
		draft.put("byline", List.of("Kim Min-ji", "Jane Doe"));
		draft.put("source", "Yonhap");
		draft.put("dateline", "SEOUL");
		draft.put("language", "ko");
		draft.put("embargoUntil", "2026-12-07T00:30:00Z");
		draft.put("status", "DRAFT");
		draft.put("firstPublishedAt", null);
		draft.put("corrections", List.of());
		draft.put("version", 4);
		return draft;
	}
}
