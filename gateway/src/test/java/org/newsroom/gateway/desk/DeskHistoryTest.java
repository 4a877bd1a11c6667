package org.newsroom.gateway.desk;

import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.Test;
import org.newsroom.gateway.RunningGatewayTestSupport;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A story's history page against a WireMock article-service: the revisions with who, when and
 * which fields, and the difference between two versions rebuilt from the article and its
 * revisions, marked so that it reads without colour; a deleted story, an unknown one and an
 * article-service that does not answer are each said so.
 */
class DeskHistoryTest extends RunningGatewayTestSupport {

	private static final String ID = "65f1c2a9e4b0a1b2c3d4e5f6";

	private static final String HISTORY = "/desk/stories/" + ID + "/history";

	private static final String ARTICLE = """
			{"id": "65f1c2a9e4b0a1b2c3d4e5f6", "slug": "seoul-sees-first-snow-of-winter",
			 "headline": "Seoul sees first snow of winter", "summary": "Snow fell overnight.",
			 "body": [{"type": "paragraph", "text": "Snow fell across Seoul overnight."}],
			 "section": "national", "language": "en", "status": "SCHEDULED", "publishAt": "2026-12-07T00:00:00Z",
			 "version": 2, "corrections": []}""";

	private static final String REVISIONS = """
			{"articleId": "65f1c2a9e4b0a1b2c3d4e5f6", "complete": true, "items": [
			 {"version": 2, "at": "2026-12-06T10:00:00Z", "by": "admin1", "action": "scheduled",
			  "changes": [{"field": "status", "previous": "DRAFT"}, {"field": "publishAt", "previous": null}]},
			 {"version": 1, "at": "2026-12-06T09:00:00Z", "by": "editor2", "action": "updated",
			  "changes": [{"field": "slug", "previous": "seoul-sees-first-snow"},
			              {"field": "headline", "previous": "Seoul sees first snow"},
			              {"field": "body", "previous": [{"type": "paragraph", "text": "Snow fell across Seoul."}]}]},
			 {"version": 0, "at": "2026-12-06T08:00:00Z", "by": "editor1", "action": "created",
			  "changes": [{"field": "slug", "previous": null}, {"field": "headline", "previous": null},
			              {"field": "summary", "previous": null}, {"field": "body", "previous": null},
			              {"field": "section", "previous": null}, {"field": "language", "previous": null},
			              {"field": "status", "previous": null}]}]}""";

	@Test
	void theRevisionsSayWhoChangedWhichFieldsWhenInTheNewsroomsZone() {
		DeskSessions.SignedIn editor = DeskSessions.signIn(http, identity, "editor1", "editor");
		stub(okJson(ARTICLE));

		String page = page(editor, HISTORY, HttpStatus.OK);

		assertThat(page).contains("History of <q lang=\"en\" data-headline>Seoul sees first snow of winter</q>");
		assertThat(row(page, 2)).contains("scheduled", "admin1", "2026-12-06 19:00 KST", "Status, Scheduled for",
				"href=\"/desk/stories/" + ID + "/history?from=1&amp;to=2\"");
		assertThat(row(page, 1)).contains("updated", "editor2", "Slug, Headline, Body");
		assertThat(row(page, 0)).contains("created", "editor1").doesNotContain("Compare with");
		articles.verify(getRequestedFor(urlEqualTo("/api/articles/" + ID + "/revisions"))
			.withHeader(HttpHeaders.AUTHORIZATION, matching("Bearer eyJ.+")));
	}

	@Test
	void byDefaultTheLatestChangeIsShownAgainstTheVersionBefore() {
		DeskSessions.SignedIn editor = DeskSessions.signIn(http, identity, "editor1", "editor");
		stub(okJson(ARTICLE));

		String page = page(editor, HISTORY, HttpStatus.OK);

		assertThat(page).contains("Changes from version <span>1</span> to version <span>2</span>");
		assertThat(page).contains("<option value=\"1\" selected=\"selected\">Version 1: updated by editor2, 2026-12-06 18:00 KST</option>");
		assertThat(line(page, "status")).isEqualTo(removed("DRAFT") + added("SCHEDULED"));
		assertThat(line(page, "publishAt")).isEqualTo(added("2026-12-07 09:00 KST"));
		assertThat(page).doesNotContain("data-field=\"headline\"");
	}

	@Test
	void twoChosenVersionsAreComparedFieldByFieldAndWordByWord() {
		DeskSessions.SignedIn editor = DeskSessions.signIn(http, identity, "editor1", "editor");
		stub(okJson(ARTICLE));

		String page = page(editor, HISTORY + "?from=0&to=1", HttpStatus.OK);

		assertThat(line(page, "headline")).isEqualTo("Seoul sees first snow" + added(" of winter"));
		assertThat(line(page, "body")).isEqualTo("<span class=\"desk-diff-label\">Block 1, paragraph, changed</span>"
				+ "<span class=\"desk-diff-text\">Snow fell across Seoul" + added(" overnight") + ".</span>");
		assertThat(page).contains("<dt data-field=\"slug\">Slug</dt>", "<dt data-field=\"headline\">Headline</dt>",
				"<dt data-field=\"body\">Body</dt>").doesNotContain("data-field=\"status\"");
		assertThat(page).contains("Removed text is struck through and marked \"removed\"");
	}

	@Test
	void versionsThatCannotBeRebuiltAreSaidSo() {
		DeskSessions.SignedIn editor = DeskSessions.signIn(http, identity, "editor1", "editor");
		stub(okJson(ARTICLE));

		String page = page(editor, HISTORY + "?from=7&to=x", HttpStatus.OK);

		assertThat(page).contains("data-comparison-problem", "Those versions cannot be compared").doesNotContain("data-difference");
	}

	@Test
	void aDeletedStoryKeepsItsHistoryButHasNothingToCompare() {
		DeskSessions.SignedIn admin = DeskSessions.signIn(http, identity, "admin1", "editor", "admin");
		stub(notFound());
		articles.stubFor(get(urlEqualTo("/api/articles/" + ID + "/revisions")).willReturn(okJson(REVISIONS.replace(
				"\"items\": [", "\"items\": [{\"version\": 3, \"at\": \"2026-12-06T11:00:00Z\", \"by\": \"admin1\","
						+ " \"action\": \"deleted\", \"changes\": []},"))));

		String page = page(admin, HISTORY, HttpStatus.OK);

		assertThat(page).contains("History of a deleted story", "data-deleted", "deleted");
		assertThat(row(page, 3)).contains("deleted", "admin1");
		assertThat(page).doesNotContain("data-compare", "data-delete-story", "Compare with");
	}

	@Test
	void onlyAnAdminIsOfferedDeleteOnTheHistory() {
		DeskSessions.SignedIn editor = DeskSessions.signIn(http, identity, "editor1", "editor");
		DeskSessions.SignedIn admin = DeskSessions.signIn(http, identity, "admin1", "editor", "admin");
		stub(okJson(ARTICLE));

		assertThat(page(editor, HISTORY, HttpStatus.OK)).doesNotContain("data-delete-story");
		assertThat(page(admin, HISTORY, HttpStatus.OK)).contains("data-delete-story", "data-after-delete=\"/desk\"",
				"data-headline=\"Seoul sees first snow of winter\"");
	}

	@Test
	void aStoryThatNeverExistedIsNotFound() {
		DeskSessions.SignedIn editor = DeskSessions.signIn(http, identity, "editor1", "editor");
		stub(notFound());
		articles.stubFor(get(urlEqualTo("/api/articles/" + ID + "/revisions")).willReturn(notFound()));

		assertThat(page(editor, HISTORY, HttpStatus.NOT_FOUND)).contains("No such story");
		articles.resetRequests();
		assertThat(page(editor, "/desk/stories/not-an-id/history", HttpStatus.NOT_FOUND)).contains("No such story");
		assertNothingReached(articles);
	}

	@Test
	void whenArticleServiceDoesNotAnswerThePageSaysSo() {
		DeskSessions.SignedIn editor = DeskSessions.signIn(http, identity, "editor1", "editor");
		stub(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

		assertThat(page(editor, HISTORY, HttpStatus.SERVICE_UNAVAILABLE)).contains("article-service is not answering");
	}

	private static void stub(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder article) {
		articles.stubFor(get(urlEqualTo("/api/articles/" + ID)).willReturn(article));
		articles.stubFor(get(urlEqualTo("/api/articles/" + ID + "/revisions")).willReturn(okJson(REVISIONS)));
	}

	private String page(DeskSessions.SignedIn session, String uri, HttpStatus status) {
		return http.get().uri(uri).header(HttpHeaders.COOKIE, session.cookie()).accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isEqualTo(status)
			.expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
			.expectBody(String.class).returnResult().getResponseBody();
	}

	/** A revision's row in the list. */
	private static String row(String page, long version) {
		int start = page.indexOf("<tr data-version=\"" + version + "\">");
		assertThat(start).as("a row for version " + version).isNotNegative();
		return page.substring(start, page.indexOf("</tr>", start));
	}

	/** What a field's (first) line of the difference holds. */
	private static String line(String page, String field) {
		String open = "<dd data-field-line=\"" + field + "\">";
		int start = page.indexOf(open);
		assertThat(start).as("a line for " + field).isNotNegative();
		String line = page.substring(start + open.length(), page.indexOf("</dd>", start));
		String text = "<span class=\"desk-diff-text\">";
		return line.startsWith(text) ? line.substring(text.length(), line.length() - "</span>".length()) : line;
	}

	private static String removed(String text) {
		return "<del><span class=\"desk-sr\">[removed: </span>" + text + "<span class=\"desk-sr\">]</span></del>";
	}

	private static String added(String text) {
		return "<ins><span class=\"desk-sr\">[added: </span>" + text + "<span class=\"desk-sr\">]</span></ins>";
	}
}
