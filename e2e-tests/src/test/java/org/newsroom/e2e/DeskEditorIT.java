package org.newsroom.e2e;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The story editor in a real browser against the real stack and the real Keycloak (issue 16,
 * points 3, 4 and 6): an editor writes an illustrated story in Korean, previews it as readers will
 * see it, publishes it and finds it on the site with its photo and credit; a story scheduled a
 * minute ahead appears on the site by itself; two editors saving the same story meet the conflict
 * screen and nothing is overwritten; a publish refused for a photo whose rights have expired says
 * which photo and why. axe-core finds no serious or critical problem on the editor, the preview,
 * the conflict screen or a refused publish.
 */
@ExtendWith(LocalStack.class)
class DeskEditorIT {

	private static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

	static String editor;

	static String photoId;

	static String credit;

	static String expiredPhotoId;

	@BeforeAll
	static void photosAreInTheLibrary() throws Exception {
		editor = Client.token("editor1");
		credit = "Desk Photo " + System.nanoTime();
		// sizes of their own, so that neither is taken for a photo another test uploaded
		int width = 500 + ThreadLocalRandom.current().nextInt(300);
		Client.Response photo = Client.upload("/api/media", editor, NewsroomFlowIT.jpeg(width, 333), "market.jpg",
				"{\"caption\": \"Shoppers at Namdaemun market.\", \"altText\": \"Shoppers in a market\", \"credit\": \""
						+ credit + "\"}");
		assertThat(photo.status()).as(photo.toString()).isEqualTo(201);
		photoId = photo.json().get("id").asString();

		Client.Response expired = Client.upload("/api/media", editor, NewsroomFlowIT.jpeg(width + 1, 334), "old.jpg",
				"{\"caption\": \"An archive picture.\", \"credit\": \"Archive\"}");
		assertThat(expired.status()).as(expired.toString()).isEqualTo(201);
		expiredPhotoId = expired.json().get("id").asString();
		Client.Response patched = Client.send("PATCH", "/api/media/" + expiredPhotoId, editor,
				"{\"rightsExpireAt\": \"" + Instant.now().minus(Duration.ofDays(1)) + "\"}");
		assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
	}

	@Test
	void anEditorWritesPreviewsAndPublishesAnIllustratedStoryThatReadersThenSee() throws Exception {
		String headline = "서울 첫눈 출근길 " + System.nanoTime();
		HostileInputIT.withBrowser(browser -> {
			openSignedIn(browser, "/desk/stories/new");

			browser.findElement(By.id("headline")).sendKeys(headline);
			new Select(browser.findElement(By.id("section"))).selectByValue("national");
			browser.findElement(By.id("summary")).sendKeys("눈이 밤새 내렸다.");
			browser.findElement(By.id("source")).sendKeys("Yonhap");
			browser.findElement(By.cssSelector("[data-block] [data-field='text']"))
				.sendKeys("Snow **fell** across Seoul overnight.");
			new Select(browser.findElement(By.cssSelector("[data-new-block-type]"))).selectByValue("quote");
			browser.findElement(By.cssSelector("[data-add-block]")).click();
			WebElement quote = blocks(browser).get(1);
			assertThat(quote.getAttribute("data-type")).isEqualTo("quote");
			quote.findElement(By.cssSelector("[data-field='text']")).sendKeys("The roads were glass.");
			quote.findElement(By.cssSelector("[data-field='attribution']")).sendKeys("A bus driver");
			browser.findElement(By.id("leadMediaId")).sendKeys(photoId);
			// the photo's thumbnail and credit, read from the library, beside its id
			DeskIT.waitFor(browser, () -> text(browser, ".editor-lead [data-photo-about]").contains(credit));
			Accessibility.assertNoSeriousViolations(browser, "the story editor");
			browser.executeScript("window.scrollTo(0, 0)");
			Screenshots.save(browser, "desk-editor");

			browser.findElement(By.cssSelector("[data-save]")).click();
			DeskIT.waitFor(browser, () -> browser.getCurrentUrl().matches(".*/desk/stories/[0-9a-f]{24}"));
			String id = browser.getCurrentUrl().replaceAll(".*/", "");
			DeskIT.waitFor(browser, () -> text(browser, "[data-save-state]").equals("Saved, version 0"));
			JsonNode saved = Client.get("/api/articles/" + id, editor).json();
			assertThat(saved.get("headline").asString()).isEqualTo(headline);
			assertThat(saved.get("body").get(1).get("attribution").asString()).isEqualTo("A bus driver");
			assertThat(saved.get("leadMediaId").asString()).isEqualTo(photoId);

			// the preview is the reader's page, with its banner
			String editorWindow = browser.getWindowHandle();
			browser.findElement(By.cssSelector("[data-preview]")).click();
			DeskIT.waitFor(browser, () -> browser.getWindowHandles().size() == 2);
			browser.switchTo().window(browser.getWindowHandles().stream().filter(w -> !w.equals(editorWindow)).findFirst()
				.orElseThrow());
			DeskIT.waitFor(browser, () -> !browser.findElements(By.cssSelector("h1.headline")).isEmpty());
			assertThat(browser.getCurrentUrl()).endsWith("/desk/stories/" + id + "/preview");
			assertThat(text(browser, "[data-preview-banner]")).contains("Preview, not published");
			assertThat(text(browser, "h1.headline")).isEqualTo(headline);
			assertThat(text(browser, ".lead-photo .credit")).isEqualTo(credit);
			assertThat(browser.findElement(By.cssSelector(".article-text strong")).getText()).isEqualTo("fell");
			Accessibility.assertNoSeriousViolations(browser, "the preview");
			browser.close();
			browser.switchTo().window(editorWindow);

			browser.findElement(By.cssSelector("[data-publish]")).click();
			DeskIT.waitFor(browser, () -> text(browser, "[data-status-text]").equals("PUBLISHED"));
			assertThat(text(browser, "[data-publish-result]")).contains("Published");
			String web = browser.findElement(By.cssSelector("[data-publish-result] a")).getAttribute("href");

			browser.get(web);
			assertThat(text(browser, "h1.headline")).isEqualTo(headline);
			assertThat(browser.findElement(By.cssSelector(".lead-photo img")).getAttribute("src")).contains(photoId);
			assertThat(text(browser, ".lead-photo .credit")).isEqualTo(credit);
			assertThat(text(browser, "blockquote")).contains("The roads were glass.", "A bus driver");
		});
	}

	@Test
	void aStoryScheduledAMinuteAheadAppearsOnTheSiteByItself() throws Exception {
		String headline = "Desk schedule check " + System.nanoTime();
		HostileInputIT.withBrowser(browser -> {
			openSignedIn(browser, "/desk/stories/new");
			browser.findElement(By.id("headline")).sendKeys(headline);
			browser.findElement(By.cssSelector("[data-block] [data-field='text']")).sendKeys("Published by the scheduler.");
			browser.findElement(By.cssSelector("[data-save]")).click();
			DeskIT.waitFor(browser, () -> browser.getCurrentUrl().matches(".*/desk/stories/[0-9a-f]{24}"));
			String id = browser.getCurrentUrl().replaceAll(".*/", "");

			// a minute ahead on the newsroom's clock, in the zone the page names
			ZoneId zone = ZoneId.of(browser.findElement(By.cssSelector("[data-story-editor]")).getAttribute("data-zone"));
			assertThat(text(browser, "label[for='publish-at']")).contains(zone.getId());
			ZonedDateTime at = ZonedDateTime.now(zone).plusSeconds(60).withNano(0);
			browser.executeScript("var input = document.querySelector('[data-publish-at]'); input.value = arguments[0];"
					+ "input.dispatchEvent(new Event('input', {bubbles: true}));", LOCAL_INPUT.format(at));
			browser.findElement(By.cssSelector("[data-schedule]")).click();
			DeskIT.waitFor(browser, () -> text(browser, "[data-status-text]").equals("SCHEDULED"));
			assertThat(text(browser, "[data-publish-result]")).contains("Scheduled", zone.getId());

			JsonNode scheduled = Client.get("/api/articles/" + id, editor).json();
			assertThat(Instant.parse(scheduled.get("publishAt").asString())).isEqualTo(at.toInstant());
			String page = "/news/" + URLEncoder.encode(scheduled.get("slug").asString(), StandardCharsets.UTF_8);
			assertThat(Client.get(page, null).status()).as("not on the site before its time").isEqualTo(404);

			await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(2))
				.until(() -> Client.get(page, null).status() == 200);
			assertThat(Client.get(page, null).body()).contains(headline);
			assertThat(Instant.now()).isAfterOrEqualTo(at.toInstant());
		});
	}

	@Test
	void theSecondOfTwoEditorsSavingTheSameStorySeesTheConflictAndChoosesFieldByField() throws Exception {
		Client.Response created = Client.send("POST", "/api/articles", editor,
				"{\"headline\": \"Conflict check " + System.nanoTime() + "\", \"section\": \"national\","
						+ " \"summary\": \"The first summary.\"}");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String id = created.json().get("id").asString();

		HostileInputIT.withBrowser(first -> HostileInputIT.withBrowser(second -> {
			openSignedIn(first, "/desk/stories/" + id);
			openSignedIn(second, "/desk/stories/" + id);

			replace(first.findElement(By.id("headline")), "Their headline");
			first.findElement(By.cssSelector("[data-save]")).click();
			DeskIT.waitFor(first, () -> text(first, "[data-save-state]").equals("Saved, version 1"));

			replace(second.findElement(By.id("headline")), "My headline");
			replace(second.findElement(By.id("summary")), "My summary.");
			second.findElement(By.cssSelector("[data-save]")).click();
			DeskIT.waitFor(second, () -> second.findElement(By.cssSelector("[data-conflict]")).isDisplayed());

			assertThat(Client.get("/api/articles/" + id, editor).json().get("headline").asString())
				.as("nothing overwritten").isEqualTo("Their headline");
			WebElement headline = second.findElement(By.cssSelector("[data-conflict-field='headline']"));
			assertThat(headline.findElement(By.cssSelector("[data-conflict-mine]")).getText()).isEqualTo("My headline");
			assertThat(headline.findElement(By.cssSelector("[data-conflict-theirs]")).getText()).isEqualTo("Their headline");
			WebElement summary = second.findElement(By.cssSelector("[data-conflict-field='summary']"));
			assertThat(summary.findElement(By.cssSelector("[data-conflict-mine]")).getText()).isEqualTo("My summary.");
			assertThat(second.findElements(By.cssSelector("[data-conflict-field='section']"))).as("unchanged").isEmpty();
			Accessibility.assertNoSeriousViolations(second, "the conflict screen");

			// theirs for the headline, mine for the summary
			headline.findElement(By.cssSelector("input[value='theirs']")).click();
			second.findElement(By.cssSelector("[data-conflict-save]")).click();
			DeskIT.waitFor(second, () -> text(second, "[data-save-state]").equals("Saved, version 2"));
			assertThat(second.findElement(By.cssSelector("[data-conflict]")).isDisplayed()).isFalse();
			assertThat(second.findElement(By.id("headline")).getAttribute("value")).isEqualTo("Their headline");

			JsonNode merged = Client.get("/api/articles/" + id, editor).json();
			assertThat(merged.get("headline").asString()).isEqualTo("Their headline");
			assertThat(merged.get("summary").asString()).isEqualTo("My summary.");
			assertThat(merged.get("version").asLong()).isEqualTo(2);
		}));
	}

	@Test
	void aPublishRefusedForAPhotoWhoseRightsExpiredSaysWhichPhotoAndWhy() throws Exception {
		Client.Response created = Client.send("POST", "/api/articles", editor, "{\"headline\": \"Refused publish check "
				+ System.nanoTime() + "\", \"section\": \"national\", \"leadMediaId\": \"" + expiredPhotoId + "\"}");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String id = created.json().get("id").asString();

		HostileInputIT.withBrowser(browser -> {
			openSignedIn(browser, "/desk/stories/" + id);
			browser.findElement(By.cssSelector("[data-publish]")).click();
			DeskIT.waitFor(browser, () -> !browser.findElements(By.cssSelector("[data-photo-problem]")).isEmpty());

			WebElement problem = browser.findElement(By.cssSelector("[data-photo-problem='" + expiredPhotoId + "']"));
			assertThat(problem.getText()).contains("lead photo", "leadMediaId", expiredPhotoId,
					"our right to use it has expired");
			assertThat(problem.findElement(By.linkText("Fix this photo (opens the photo desk)")).getAttribute("href"))
				.endsWith("/desk/photos/" + expiredPhotoId);
			assertThat(text(browser, "[data-status-text]")).isEqualTo("DRAFT");
			assertThat(Client.get("/api/articles/" + id, editor).json().get("status").asString()).isEqualTo("DRAFT");
			Accessibility.assertNoSeriousViolations(browser, "a refused publish");

			// removing the photo from the story is offered as the other fix
			problem.findElement(By.xpath(".//button[normalize-space()='Remove it from the story']")).click();
			assertThat(browser.findElement(By.id("leadMediaId")).getAttribute("value")).isEmpty();
			assertThat(text(browser, "[data-save-state]")).isEqualTo("Unsaved changes");
		});
	}

	// ---- helpers ------------------------------------------------------------------------------

	/** Signs in as editor1 on Keycloak's own form, then opens a desk page. */
	private static void openSignedIn(ChromeDriver browser, String path) {
		browser.get(LocalStack.GATEWAY + "/desk");
		DeskIT.signIn(browser, "editor1");
		browser.get(LocalStack.GATEWAY + path);
		DeskIT.waitFor(browser, () -> !browser.findElements(By.cssSelector("[data-story-editor]")).isEmpty());
	}

	private static List<WebElement> blocks(ChromeDriver browser) {
		return new ArrayList<>(browser.findElements(By.cssSelector("[data-blocks] [data-block]")));
	}

	private static void replace(WebElement field, String value) {
		field.clear();
		field.sendKeys(value);
	}

	private static String text(ChromeDriver browser, String selector) {
		List<WebElement> found = browser.findElements(By.cssSelector(selector));
		return found.isEmpty() ? "" : found.get(0).getText().trim();
	}
}
