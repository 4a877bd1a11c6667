package org.newsroom.gateway.desk;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsroom.gateway.HeadlessChromium;
import org.newsroom.gateway.NewsroomFixtures;
import org.newsroom.gateway.RunningGatewayTestSupport;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The editor's script (static/desk-story.js) in a real browser against the gateway, its API relay
 * and WireMock stand-ins: what the editor types goes to article-service in UTF-8 with the version
 * as {@code If-Match}, blocks moved by keyboard are saved in their new order, errors appear next to
 * the fields they name, and publishing that media-service refuses or cannot answer says why and
 * changes nothing. (The whole flow against the real services is e2e-tests' DeskEditorIT.)
 * Skipped, saying why, only where Chromium is not installed (CI installs it: .ci/run).
 */
@TestPropertySource(properties = { "NEWSROOM_WEB_TIME_ZONE=Asia/Seoul", "NEWSROOM_WEB_SECTIONS=national,world,business" })
class DeskStoryEditorBrowserTest extends RunningGatewayTestSupport {

	private static final String ID = NewsroomFixtures.ARTICLE_ID;
	private static final String PHOTO = NewsroomFixtures.PHOTO_ID;
	private static final String ARTICLE = "/api/articles/" + ID;

	private static HeadlessChromium chromium;
	private static ChromeDriver browser;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startBrowser() throws IOException {
		chromium = HeadlessChromium.start(1024, 1400);
		browser = chromium.driver();
	}

	@AfterAll
	static void stopBrowser() throws IOException {
		if (chromium != null) {
			chromium.close();
		}
	}

	@BeforeEach
	void anEditorOpensTheDraft() {
		articles.stubFor(get(urlEqualTo(ARTICLE)).willReturn(okJson(NewsroomFixtures.write(draft(3)))
			.withHeader("ETag", "\"3\"")));
		NewsroomFixtures.servePhoto(media);
		String session = DeskSessions.signIn(http, identity, "editor1", "editor").cookie();
		browser.manage().deleteAllCookies();
		// a desk page anyone may see, so the browser is on the gateway's origin to take the cookie
		browser.get(base() + DeskSecurity.SIGN_IN_FAILED);
		browser.manage().addCookie(new Cookie.Builder("NEWSROOM_DESK", session.substring(session.indexOf('=') + 1))
			.path("/").isHttpOnly(true).build());
		browser.get(base() + "/desk/stories/" + ID);
		// the page's script has run once the lead photo's credit, read from the library, shows
		waitUntil(() -> text(".editor-lead [data-photo-about]").contains(NewsroomFixtures.CREDIT));
	}

	@Test
	void aSaveSendsWhatWasTypedInUtf8WithTheVersionAndTheBlocksInTheirNewOrder() {
		articles.stubFor(put(urlEqualTo(ARTICLE)).willReturn(okJson(NewsroomFixtures.write(draft(4)))
			.withHeader("ETag", "\"4\"")));
		WebElement headline = browser.findElement(By.id("headline"));
		headline.clear();
		headline.sendKeys("서울에 첫눈");
		assertThat(text("[data-save-state]")).isEqualTo("Unsaved changes");
		// the quote moves up by keyboard, and the focus stays with it
		WebElement up = browser.findElement(By.cssSelector("[data-block][data-type='quote'] [data-move='up']"));
		assertThat(up.getAttribute("aria-label")).isEqualTo("Move block 2 (Quote) up");
		up.sendKeys(Keys.ENTER);
		assertThat(browser.switchTo().activeElement().getAttribute("aria-label")).isEqualTo("Move block 1 (Quote) down");
		browser.findElement(By.cssSelector("[data-save]")).click();
		waitUntil(() -> text("[data-save-state]").equals("Saved, version 4"));

		articles.verify(putRequestedFor(urlEqualTo(ARTICLE))
			.withHeader("If-Match", equalTo("\"3\""))
			.withHeader("Authorization", matching("Bearer .+"))
			.withHeader("Content-Type", matching("application/json.*"))
			.withRequestBody(matchingJsonPath("$.headline", equalTo("서울에 첫눈")))
			.withRequestBody(matchingJsonPath("$.body[0].type", equalTo("quote")))
			.withRequestBody(matchingJsonPath("$.body[0].attribution", equalTo("A driver")))
			.withRequestBody(matchingJsonPath("$.body[1].text", equalTo("첫눈이 **많이** 내렸다.")))
			.withRequestBody(matchingJsonPath("$.tags[1]", equalTo("서울")))
			.withRequestBody(matchingJsonPath("$.embargoUntil", equalTo("2026-12-07T00:30:00.000Z"))));
		assertThat(browser.findElement(By.cssSelector("[data-version-text]")).getText()).isEqualTo("4");
		assertNoScriptErrors();
	}

	@Test
	void refusedFieldsAreMarkedWhereTheyAreAndListedAtTheTop() {
		articles.stubFor(put(urlEqualTo(ARTICLE)).willReturn(aResponse().withStatus(422)
			.withHeader("Content-Type", "application/problem+json")
			.withBody("{\"type\": \"urn:newsroom:problem:invalid-input\", \"status\": 422, \"errors\": ["
					+ "{\"field\": \"headline\", \"message\": \"at most 200 characters\"},"
					+ "{\"field\": \"body[1].attribution\", \"message\": \"one line only\"}]}")));
		browser.findElement(By.id("deck")).sendKeys(" more");
		browser.findElement(By.cssSelector("[data-save]")).click();
		waitUntil(() -> browser.findElement(By.cssSelector("[data-error-summary]")).isDisplayed());

		WebElement headline = browser.findElement(By.id("headline"));
		assertThat(headline.getAttribute("aria-invalid")).isEqualTo("true");
		String message = headline.getAttribute("aria-describedby");
		assertThat(browser.findElement(By.id(message)).getText()).isEqualTo("at most 200 characters");
		WebElement attribution = browser.findElement(By.cssSelector("[data-block][data-type='quote'] [data-field='attribution']"));
		assertThat(attribution.getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(text("[data-error-summary]")).contains("2 problems", "Headline: at most 200 characters",
				"Block 2, who said it (plain text): one line only");
		assertThat(browser.switchTo().activeElement().getAttribute("data-error-summary")).isNotNull();
		browser.findElement(By.linkText("Block 2, who said it (plain text): one line only")).click();
		assertThat(browser.switchTo().activeElement()).isEqualTo(attribution);
		// nothing typed is lost
		assertThat(browser.findElement(By.id("deck")).getAttribute("value")).isEqualTo("Snow & ice more");
		assertThat(text("[data-save-state]")).isEqualTo("Unsaved changes");
	}

	@Test
	void aPublishRefusedForAPhotoSaysWhichAndWhyAndOffersTheFixes() {
		articles.stubFor(post(urlEqualTo(ARTICLE + "/publish")).willReturn(aResponse().withStatus(422)
			.withHeader("Content-Type", "application/problem+json")
			.withBody("{\"type\": \"urn:newsroom:problem:photo-not-usable\", \"status\": 422,"
					+ " \"errors\": [{\"field\": \"leadMediaId\", \"message\": \"photo " + PHOTO + " is not usable: MISSING_CREDIT\"}],"
					+ " \"photos\": [{\"field\": \"leadMediaId\", \"mediaId\": \"" + PHOTO + "\", \"problems\": [\"MISSING_CREDIT\"]}]}")));
		browser.findElement(By.cssSelector("[data-publish]")).click();
		waitUntil(() -> !browser.findElements(By.cssSelector("[data-photo-problem]")).isEmpty());

		WebElement problem = browser.findElement(By.cssSelector("[data-photo-problem='" + PHOTO + "']"));
		assertThat(problem.getText()).contains("The lead photo (leadMediaId, photo " + PHOTO + ")",
				"it has no credit line");
		assertThat(problem.findElement(By.tagName("img")).getAttribute("src")).endsWith("/api/media/" + PHOTO + "/renditions/thumb");
		assertThat(problem.findElement(By.tagName("a")).getAttribute("href")).endsWith("/desk/photos/" + PHOTO);
		assertThat(text("[data-status-text]")).isEqualTo("DRAFT");

		problem.findElement(By.tagName("button")).click();
		assertThat(browser.findElement(By.id("leadMediaId")).getAttribute("value")).isEmpty();
		assertThat(text("[data-save-state]")).isEqualTo("Unsaved changes");
	}

	@Test
	void whenMediaServiceIsDownPublishingSaysSoAndNothingChanges() {
		articles.stubFor(post(urlEqualTo(ARTICLE + "/publish")).willReturn(aResponse().withStatus(503)
			.withHeader("Content-Type", "application/problem+json").withHeader("Retry-After", "30")
			.withBody("{\"type\": \"urn:newsroom:problem:service-unavailable\", \"status\": 503,"
					+ " \"detail\": \"media-service is not answering; nothing was published.\"}")));
		browser.findElement(By.cssSelector("[data-publish]")).click();
		waitUntil(() -> browser.findElement(By.cssSelector("[data-publish-result]")).isDisplayed());

		assertThat(text("[data-publish-result]")).contains("media-service is not answering", "Nothing changed",
				"Try again in 30 seconds");
		assertThat(text("[data-status-text]")).isEqualTo("DRAFT");
		assertThat(text("[data-version-text]")).isEqualTo("3");
		articles.verify(1, postRequestedFor(urlEqualTo(ARTICLE + "/publish")));
	}

	@Test
	void schedulingSendsTheNewsroomsTimeAsAnInstant() {
		articles.stubFor(post(urlEqualTo(ARTICLE + "/publish")).willReturn(okJson(NewsroomFixtures.write(scheduled()))
			.withHeader("ETag", "\"4\"")));
		assertThat(text("label[for='publish-at']")).contains("Asia/Seoul");
		browser.executeScript("document.querySelector('[data-publish-at]').value = '2026-12-24T07:00'");
		browser.findElement(By.cssSelector("[data-schedule]")).click();
		waitUntil(() -> text("[data-status-text]").equals("SCHEDULED"));

		// 07:00 in Seoul (UTC+9) is 22:00 UTC the day before
		articles.verify(postRequestedFor(urlEqualTo(ARTICLE + "/publish"))
			.withRequestBody(matchingJsonPath("$.at", equalTo("2026-12-23T22:00:00.000Z"))));
		assertThat(text("[data-publish-result]")).contains("Scheduled", "2026-12-24 07:00 (Asia/Seoul)");
		assertThat(text("[data-scheduled-for]")).contains("2026-12-24 07:00");
	}

	@Test
	void takingAllOfTheirsOnTheConflictScreenSavesTheirVersionOnTopOfTheNewOne() {
		Map<String, Object> theirs = draft(5);
		theirs.put("headline", "Their headline");
		theirs.put("tags", List.of("snow"));
		articles.stubFor(put(urlEqualTo(ARTICLE)).withHeader("If-Match", equalTo("\"3\"")).inScenario("two editors")
			.willReturn(aResponse().withStatus(412).withHeader("Content-Type", "application/problem+json")
				.withBody("{\"type\": \"urn:newsroom:problem:stale-version\", \"status\": 412, \"currentVersion\": 5}"))
			.willSetStateTo("theirs saved"));
		articles.stubFor(get(urlEqualTo(ARTICLE)).inScenario("two editors").whenScenarioStateIs("theirs saved")
			.willReturn(okJson(NewsroomFixtures.write(theirs)).withHeader("ETag", "\"5\"")));
		articles.stubFor(put(urlEqualTo(ARTICLE)).withHeader("If-Match", equalTo("\"5\""))
			.willReturn(okJson(NewsroomFixtures.write(draft(6))).withHeader("ETag", "\"6\"")));

		browser.findElement(By.id("headline")).sendKeys(" (mine)");
		browser.findElement(By.cssSelector("[data-save]")).click();
		waitUntil(() -> browser.findElement(By.cssSelector("[data-conflict]")).isDisplayed());

		assertThat(browser.findElements(By.cssSelector("[data-conflict-field]")))
			.extracting(field -> field.getAttribute("data-conflict-field"))
			.containsExactly("headline", "tags");
		assertThat(text("[data-conflict-field='tags'] [data-conflict-mine]")).isEqualTo("weather, 서울");
		assertThat(text("[data-conflict-field='tags'] [data-conflict-theirs]")).isEqualTo("snow");
		assertThat(text("[data-conflict-intro]")).contains("version 5", "Nothing has been overwritten");
		browser.findElement(By.cssSelector("[data-conflict-all='theirs']")).click();
		browser.findElement(By.cssSelector("[data-conflict-save]")).click();
		waitUntil(() -> text("[data-save-state]").equals("Saved, version 6"));

		articles.verify(putRequestedFor(urlEqualTo(ARTICLE)).withHeader("If-Match", equalTo("\"5\""))
			.withRequestBody(matchingJsonPath("$.headline", equalTo("Their headline")))
			.withRequestBody(matchingJsonPath("$.tags[0]", equalTo("snow")))
			// what did not differ is sent as it was
			.withRequestBody(matchingJsonPath("$.body[1].attribution", equalTo("A driver"))));
		assertThat(browser.findElement(By.id("headline")).getAttribute("value")).isEqualTo("Their headline");
		assertThat(browser.findElement(By.id("tags")).getAttribute("value")).isEqualTo("snow");
	}

	@Test
	void withdrawingAsksFirstAndACorrectionShowsInTheList() {
		Map<String, Object> corrected = draft(4);
		corrected.put("status", "PUBLISHED");
		corrected.put("corrections", List.of(Map.of("at", "2026-12-06T03:00:00Z", "text", "The date was wrong.")));
		articles.stubFor(post(urlEqualTo(ARTICLE + "/corrections")).willReturn(okJson(NewsroomFixtures.write(corrected))
			.withStatus(201).withHeader("ETag", "\"4\"")));
		Map<String, Object> withdrawn = draft(5);
		withdrawn.put("status", "WITHDRAWN");
		articles.stubFor(post(urlEqualTo(ARTICLE + "/withdraw")).willReturn(okJson(NewsroomFixtures.write(withdrawn))
			.withHeader("ETag", "\"5\"")));

		browser.findElement(By.id("correction")).sendKeys("The date was wrong.");
		browser.findElement(By.cssSelector("[data-correct]")).click();
		waitUntil(() -> text("[data-corrections]").contains("The date was wrong."));
		assertThat(text("[data-corrections]")).contains("2026-12-06 12:00 (Asia/Seoul)");
		assertThat(text("[data-version-text]")).isEqualTo("4");
		articles.verify(postRequestedFor(urlEqualTo(ARTICLE + "/corrections"))
			.withRequestBody(matchingJsonPath("$.text", equalTo("The date was wrong."))));

		browser.findElement(By.cssSelector("[data-withdraw]")).click();
		assertThat(browser.findElement(By.cssSelector("[data-withdraw-confirm]")).isDisplayed()).isTrue();
		articles.verify(0, postRequestedFor(urlEqualTo(ARTICLE + "/withdraw")));
		browser.switchTo().activeElement().sendKeys(Keys.ENTER);
		assertThat(browser.findElement(By.cssSelector("[data-withdraw-confirm]")).isDisplayed()).as("cancelled").isFalse();
		articles.verify(0, postRequestedFor(urlEqualTo(ARTICLE + "/withdraw")));

		browser.findElement(By.cssSelector("[data-withdraw]")).click();
		browser.findElement(By.cssSelector("[data-withdraw-yes]")).click();
		waitUntil(() -> text("[data-status-text]").equals("WITHDRAWN"));
		assertThat(text("[data-publish-result]")).contains("Withdrawn");
		articles.verify(1, postRequestedFor(urlEqualTo(ARTICLE + "/withdraw")));
	}

	private String base() {
		return "http://localhost:" + port;
	}

	private static String text(String selector) {
		List<WebElement> found = browser.findElements(By.cssSelector(selector));
		return found.isEmpty() ? "" : found.get(0).getText().trim();
	}

	private static void waitUntil(java.util.function.BooleanSupplier condition) {
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> condition.getAsBoolean());
	}

	/** No script error on the page (a CSP refusal would show here too). */
	private static void assertNoScriptErrors() {
		assertThat(browser.manage().logs().get(LogType.BROWSER).getAll())
			.extracting(LogEntry::getMessage)
			.filteredOn(message -> !message.contains("favicon"))
			.noneMatch(message -> message.contains("Uncaught") || message.contains("Content Security Policy"));
	}

	private static Map<String, Object> draft(int version) {
		Map<String, Object> draft = NewsroomFixtures.article("first-snow", "첫눈", List.of(
				Map.of("type", "paragraph", "text", "첫눈이 **많이** 내렸다."),
				Map.of("type", "quote", "text", "It was *slow*.", "attribution", "A driver")));
		draft.put("deck", "Snow & ice");
		draft.put("section", "national");
		draft.put("tags", List.of("weather", "서울"));
		draft.put("embargoUntil", "2026-12-07T00:30:00Z");
		draft.put("status", "DRAFT");
		draft.put("firstPublishedAt", null);
		draft.put("corrections", List.of());
		draft.put("version", version);
		return draft;
	}

	private static Map<String, Object> scheduled() {
		Map<String, Object> article = draft(4);
		article.put("status", "SCHEDULED");
		article.put("publishAt", "2026-12-23T22:00:00Z");
		return article;
	}
}
