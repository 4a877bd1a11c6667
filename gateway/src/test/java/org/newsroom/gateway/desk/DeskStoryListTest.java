package org.newsroom.gateway.desk;

import com.github.tomakehurst.wiremock.http.Fault;
import java.net.URI;

import org.junit.jupiter.api.Test;
import org.newsroom.gateway.RunningGatewayTestSupport;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desk's story list against a WireMock article-service: the form's filters reach
 * article-service as its own parameters with the editor's token, the next page's link carries its
 * cursor with the filters, scheduled stories show when they go out in the newsroom's zone, and
 * only admins are offered Delete.
 */
// the same settings as the other desk tests; the newsroom's zone
// is application.yml's default, Asia/Seoul, and the sections its default list
class DeskStoryListTest extends RunningGatewayTestSupport {

	private static final String KOREAN = "서울에 첫눈 내려 출근길 혼잡";

	@LocalServerPort
	int port;

	@Test
	void theFormsFiltersReachArticleServiceAsItsOwnParametersWithTheEditorsToken() {
		DeskSessions.SignedIn editor = DeskSessions.signIn(http, identity, "editor1", "editor");
		stories("[]", null);

		// as a browser sends a GET form: a space as '+', Korean percent-encoded
		String page = page(editor, "/desk?status=scheduled&section=world&q=%EC%B2%AB%EB%88%88+%EC%84%9C%EC%9A%B8", HttpStatus.OK);

		articles.verify(getRequestedFor(urlPathEqualTo("/api/articles")).withQueryParam("status", equalTo("SCHEDULED"))
			.withQueryParam("section", equalTo("world"))
			.withQueryParam("q", equalTo("첫눈 서울"))
			.withQueryParam("size", equalTo("20"))
			.withQueryParam("cursor", absent())
			.withHeader(HttpHeaders.AUTHORIZATION, matching("Bearer eyJ.+")));
		// the form shows what was asked
		assertThat(page).contains("<option value=\"scheduled\" selected=\"selected\">Scheduled</option>",
				"<option value=\"world\" selected=\"selected\">world</option>", "value=\"첫눈 서울\"",
				"<label for=\"filter-status\">", "<label for=\"filter-section\">", "<label for=\"filter-q\">");
		assertThat(page).contains("No stories match these filters.");
	}

	@Test
	void withoutFiltersEveryStatusIsListedAndAnEmptyNewsroomIsSaidSo() {
		DeskSessions.SignedIn editor = DeskSessions.signIn(http, identity, "editor1", "editor");
		stories("[]", null);

		String page = page(editor, "/desk?status=&section=&q=", HttpStatus.OK);

		articles.verify(getRequestedFor(urlPathEqualTo("/api/articles"))
			.withQueryParam("status", equalTo("DRAFT,SCHEDULED,PUBLISHED,WITHDRAWN"))
			.withQueryParam("section", absent())
			.withQueryParam("q", absent()));
		assertThat(page).contains("No stories yet.", "href=\"/desk/stories/new\"");
	}

	@Test
	void olderStoriesCarryTheCursorAndTheFilters() {
		DeskSessions.SignedIn editor = DeskSessions.signIn(http, identity, "editor1", "editor");
		stories(story("65f1c2a9e4b0a1b2c3d4e5f1", KOREAN, "DRAFT", null, null), "c2Vj+/ZXQ=");

		String page = page(editor, "/desk?status=draft&q=%EC%84%9C%EC%9A%B8", HttpStatus.OK);

		String older = "/desk?status=draft&q=%EC%84%9C%EC%9A%B8&cursor=c2Vj%2B%2FZXQ%3D";
		assertThat(page).contains("href=\"" + older.replace("&", "&amp;") + "\" rel=\"next\" data-older>Older stories</a>");
		assertThat(page).as("the first page has no way back to itself").doesNotContain("data-newest");

		String second = page(editor, older, HttpStatus.OK);

		articles.verify(getRequestedFor(urlPathEqualTo("/api/articles")).withQueryParam("cursor", equalTo("c2Vj+/ZXQ="))
			.withQueryParam("status", equalTo("DRAFT"))
			.withQueryParam("q", equalTo("서울")));
		assertThat(second).contains("data-newest", "Older stories matching the filters");
	}

	@Test
	void aKoreanHeadlineIsMarkedKoreanAndLinksToItsEditorAndItsHistory() {
		DeskSessions.SignedIn editor = DeskSessions.signIn(http, identity, "editor1", "editor");
		stories(story("65f1c2a9e4b0a1b2c3d4e5f1", KOREAN, "DRAFT", null, null).replace("\"section\"",
				"\"language\": \"ko\", \"section\""), null);

		String page = page(editor, "/desk", HttpStatus.OK);

		assertThat(page).contains("<a href=\"/desk/stories/65f1c2a9e4b0a1b2c3d4e5f1\" lang=\"ko\">" + KOREAN + "</a>",
				"href=\"/desk/stories/65f1c2a9e4b0a1b2c3d4e5f1/history\"", "by editor2");
	}

	@Test
	void aScheduledStoryShowsWhenItGoesOutInTheNewsroomsZone() {
		DeskSessions.SignedIn editor = DeskSessions.signIn(http, identity, "editor1", "editor");
		stories(story("65f1c2a9e4b0a1b2c3d4e5f1", "Budget vote", "SCHEDULED", "2026-12-07T00:00:00Z",
				"2026-12-07T03:30:00Z") + ","
				+ story("65f1c2a9e4b0a1b2c3d4e5f2", "Old plan", "DRAFT", null, "2026-12-08T00:00:00Z"), null);

		String page = page(editor, "/desk", HttpStatus.OK);

		String scheduled = cell(page, "65f1c2a9e4b0a1b2c3d4e5f1");
		assertThat(scheduled).contains("<time datetime=\"2026-12-07T00:00:00Z\">2026-12-07 09:00 KST</time>",
				"embargo until <time datetime=\"2026-12-07T03:30:00Z\">2026-12-07 12:30 KST</time>");
		assertThat(cell(page, "65f1c2a9e4b0a1b2c3d4e5f2")).as("a draft's embargo is no schedule").doesNotContain("<time");
	}

	@Test
	void onlyAnAdminIsOfferedDeleteNamingTheHeadline() {
		DeskSessions.SignedIn editor = DeskSessions.signIn(http, identity, "editor1", "editor");
		DeskSessions.SignedIn admin = DeskSessions.signIn(http, identity, "admin1", "editor", "admin");
		stories(story("65f1c2a9e4b0a1b2c3d4e5f1", "Quote \"marks\" & <tags>", "DRAFT", null, null), null);

		assertThat(page(editor, "/desk", HttpStatus.OK)).doesNotContain("data-delete-story");
		assertThat(page(admin, "/desk", HttpStatus.OK)).contains("data-delete-story",
				"data-id=\"65f1c2a9e4b0a1b2c3d4e5f1\"", "data-headline=\"Quote &quot;marks&quot; &amp; &lt;tags&gt;\"",
				"<script src=\"/assets/desk-stories.js\" defer></script>");
	}

	@Test
	void filtersTheFormCannotSendAreRefusedBeforeAskingArticleService() {
		DeskSessions.SignedIn editor = DeskSessions.signIn(http, identity, "editor1", "editor");

		String page = page(editor, "/desk?section=sport", HttpStatus.BAD_REQUEST);

		assertThat(page).contains("There is no section &quot;sport&quot;", "<form class=\"desk-filters\"");
		assertThat(articles.getAllServeEvents()).noneMatch(event -> event.getRequest().getUrl().startsWith("/api/articles"));
	}

	@Test
	void aCursorArticleServiceRefusesIsSaidWithAWayBack() {
		DeskSessions.SignedIn editor = DeskSessions.signIn(http, identity, "editor1", "editor");
		articles.stubFor(get(urlPathEqualTo("/api/articles")).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/problem+json")
			.withBody("{\"type\": \"urn:newsroom:problem:bad-request\", \"title\": \"Bad request\","
					+ " \"detail\": \"cursor: not a cursor this service issued\"}")));

		String page = page(editor, "/desk?cursor=forged", HttpStatus.BAD_REQUEST);

		assertThat(page).contains("cursor: not a cursor this service issued", "Start again from the newest stories");
	}

	@Test
	void whenArticleServiceIsDownTheListSaysSo() {
		DeskSessions.SignedIn editor = DeskSessions.signIn(http, identity, "editor1", "editor");
		articles.stubFor(get(urlPathEqualTo("/api/articles")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

		String page = page(editor, "/desk?q=x", HttpStatus.OK);

		assertThat(page).contains("article-service is not answering").doesNotContain("No stories");
	}

	@Test
	void whenArticleServiceAnswersSomethingUnreadableTheListSaysItIsNotAnswering() {
		DeskSessions.SignedIn editor = DeskSessions.signIn(http, identity, "editor1", "editor");
		articles.stubFor(get(urlPathEqualTo("/api/articles")).willReturn(okJson("{\"items\": \"not a list\"}")));

		String page = page(editor, "/desk", HttpStatus.OK);

		assertThat(page).contains("article-service is not answering").doesNotContain("No stories");
	}

	private String page(DeskSessions.SignedIn session, String uri, HttpStatus status) {
		// the address as a browser sends it, already encoded: WebTestClient is not to encode it again
		return http.get().uri(URI.create("http://localhost:" + port + uri)).header(HttpHeaders.COOKIE, session.cookie())
			.accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isEqualTo(status)
			.expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
			.expectBody(String.class).returnResult().getResponseBody();
	}

	/** article-service's list with these items; every story's latest change by editor2. */
	private static void stories(String items, String nextCursor) {
		String list = items.startsWith("[") ? items : "[" + items + "]";
		articles.stubFor(get(urlPathEqualTo("/api/articles")).willReturn(okJson("{\"items\": " + list + ", \"nextCursor\": "
				+ (nextCursor != null ? "\"" + nextCursor + "\"" : "null") + "}")));
		articles.stubFor(get(urlPathMatching("/api/articles/[0-9a-f]{24}/revisions")).willReturn(okJson(
				"{\"items\": [{\"version\": 1, \"at\": \"2026-12-06T09:00:00Z\", \"by\": \"editor2\", \"action\": \"updated\","
						+ " \"changes\": []}], \"complete\": true}")));
	}

	private static String story(String id, String headline, String status, String publishAt, String embargoUntil) {
		return "{\"id\": \"" + id + "\", \"headline\": \"" + headline.replace("\"", "\\\"") + "\", \"section\": \"national\","
				+ " \"status\": \"" + status + "\", \"updatedAt\": \"2026-12-06T09:00:00Z\", \"publishAt\": "
				+ quoted(publishAt) + ", \"embargoUntil\": " + quoted(embargoUntil) + ", \"version\": 1}";
	}

	private static String quoted(String value) {
		return value != null ? "\"" + value + "\"" : "null";
	}

	/** The "Scheduled for" cell of a story's row. */
	private static String cell(String page, String id) {
		int row = page.indexOf("data-story-id=\"" + id + "\"");
		int start = page.indexOf("<td data-scheduled>", row);
		return page.substring(start, page.indexOf("</td>", start));
	}
}
