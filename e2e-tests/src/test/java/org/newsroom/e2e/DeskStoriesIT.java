package org.newsroom.e2e;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desk's story list and history in a real browser against the real stack (issue 16, points
 * 2 and 7, and the admins' delete): filtering by status and searching in Korean finds a Korean
 * story written through the API; the history of a story two editors changed through the API
 * names both and shows what each changed, word by word; an admin deletes a story from its history
 * page (through the desk's API relay, with the CSRF token), an editor is not offered the button.
 */
@ExtendWith(LocalStack.class)
class DeskStoriesIT {

	static String koreanId;

	static String koreanHeadline;

	static String editedId;

	@BeforeAll
	static void storiesAreWrittenThroughTheApi() {
		String editor = Client.token("editor1");
		koreanHeadline = "서울에 첫눈 내려 출근길 혼잡 " + System.nanoTime();
		ObjectNode korean = Drafts.article(koreanHeadline).put("language", "ko").put("summary", "밤사이 서울 전역에 눈이 내렸다.");
		Client.Response created = Client.send("POST", "/api/articles", editor, korean.toString());
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		koreanId = created.json().get("id").asString();

		// editor1 writes it and rewrites the paragraph, then admin1 (an editor too) changes the headline
		ObjectNode story = Drafts.article("Ferry timetable kept " + System.nanoTime());
		Client.Response draft = Client.send("POST", "/api/articles", editor, story.toString());
		assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
		editedId = draft.json().get("id").asString();
		story.withArray("body").removeAll().addObject().put("type", "paragraph")
			.put("text", "Ferries kept to their winter timetable despite the storm.");
		Client.Response first = Client.sendIfMatch("PUT", "/api/articles/" + editedId, editor, "\"0\"", story.toString());
		assertThat(first.status()).as(first.toString()).isEqualTo(200);
		story.put("headline", "Ferries defy the storm " + System.nanoTime());
		Client.Response second = Client.sendIfMatch("PUT", "/api/articles/" + editedId, Client.token("admin1"), "\"1\"",
				story.toString());
		assertThat(second.status()).as(second.toString()).isEqualTo(200);
	}

	@Test
	void filteringByStatusAndSearchingInKoreanFindsAKoreanStory() throws Exception {
		HostileInputIT.withBrowser(browser -> {
			browser.get(LocalStack.GATEWAY + "/desk");
			DeskIT.signIn(browser, "editor1");

			// every filter is labelled and reached by keyboard, right after the bar and the New story link
			assertThat(DeskIT.tabStops(browser, 9)).containsSubsequence("Sign out", "New story");
			assertThat(browser.findElements(By.cssSelector("label[for=filter-status], label[for=filter-section],"
					+ " label[for=filter-q]"))).hasSize(3);
			new Select(browser.findElement(By.id("filter-status"))).selectByVisibleText("Draft");
			// another form of the word than the headline's (첫눈이 / 첫눈): the API's Korean analysis finds
			// it; Enter in the search box sends the form, as in any search box
			browser.findElement(By.id("filter-q")).sendKeys("첫눈이 서울", Keys.ENTER);
			DeskIT.waitFor(browser, () -> browser.getCurrentUrl().contains("q="));

			assertThat(URLDecoder.decode(browser.getCurrentUrl(), StandardCharsets.UTF_8)).contains("status=draft",
					"q=첫눈이 서울");
			assertThat(DeskIT.status(browser)).isEqualTo(200);
			WebElement row = browser.findElement(By.cssSelector("tr[data-story-id='" + koreanId + "']"));
			assertThat(row.getText()).contains(koreanHeadline, "DRAFT");
			assertThat(rows(browser)).extracting(r -> r.findElement(By.cssSelector(".desk-status")).getText())
				.containsOnly("DRAFT");
			// the form shows what was asked, so the next search starts from it
			assertThat(browser.findElement(By.id("filter-q")).getAttribute("value")).isEqualTo("첫눈이 서울");
			assertThat(new Select(browser.findElement(By.id("filter-status"))).getFirstSelectedOption().getText())
				.isEqualTo("Draft");
			Accessibility.assertNoSeriousViolations(browser, "the filtered story list");
			assertNoSidewaysScrollingAt1024(browser);

			new Select(browser.findElement(By.id("filter-status"))).selectByVisibleText("Published");
			browser.findElement(By.cssSelector("form[data-story-filters] button[type=submit]")).click();
			DeskIT.waitFor(browser, () -> browser.getCurrentUrl().contains("status=published"));
			assertThat(browser.findElements(By.cssSelector("tr[data-story-id='" + koreanId + "']"))).isEmpty();
		});
	}

	@Test
	void theHistoryNamesBothEditorsAndShowsWhatEachChanged() throws Exception {
		HostileInputIT.withBrowser(browser -> {
			browser.get(LocalStack.GATEWAY + "/desk/stories/" + editedId + "/history");
			DeskIT.signIn(browser, "editor1");

			List<String> revisions = browser.findElements(By.cssSelector("table[data-revisions] tbody tr"))
				.stream()
				.map(WebElement::getText)
				.toList();
			assertThat(revisions).hasSize(3);
			assertThat(revisions.get(0)).contains("2", "updated", "admin1", "Headline");
			assertThat(revisions.get(1)).contains("1", "updated", "editor1", "Body");
			assertThat(revisions.get(2)).contains("0", "created", "editor1");

			// by default: the latest change (admin1's headline) against the version before
			assertThat(browser.findElement(By.cssSelector("[data-compared]")).getText())
				.isEqualTo("Changes from version 1 to version 2");
			// the marks carry words for screen readers too (visually hidden, so read as text content)
			assertThat(text(browser.findElement(By.cssSelector("dd[data-field-line='headline'] del"))))
				.matches("\\[removed: Ferry timetable kept \\d+\\]");
			assertThat(text(browser.findElement(By.cssSelector("dd[data-field-line='headline'] ins"))))
				.matches("\\[added: Ferries defy the storm \\d+\\]");

			// editor1's change: the paragraph, word by word
			new Select(browser.findElement(By.id("compare-from"))).selectByValue("0");
			new Select(browser.findElement(By.id("compare-to"))).selectByValue("1");
			browser.findElement(By.cssSelector("form[data-compare] button[type=submit]")).click();
			DeskIT.waitFor(browser, () -> browser.getCurrentUrl().contains("to=1"));
			WebElement body = browser.findElement(By.cssSelector("dd[data-field-line='body']"));
			assertThat(text(body)).endsWith("Ferries kept to their [added: winter ]timetable[added:  despite the storm].");
			assertThat(browser.findElements(By.cssSelector("[data-delete-story]"))).as("an editor may not delete")
				.isEmpty();
			Accessibility.assertNoSeriousViolations(browser, "a story's history");
			assertNoSidewaysScrollingAt1024(browser);
		});
	}

	@Test
	void anAdminDeletesAStoryAfterConfirmingItsHeadline() throws Exception {
		String headline = "Story an admin deletes " + System.nanoTime();
		Client.Response draft = Client.send("POST", "/api/articles", Client.token("editor1"),
				Drafts.article(headline).toString());
		String id = draft.json().get("id").asString();

		HostileInputIT.withBrowser(browser -> {
			browser.get(LocalStack.GATEWAY + "/desk/stories/" + id + "/history");
			DeskIT.signIn(browser, "admin1");

			WebElement delete = browser.findElement(By.cssSelector("button[data-delete-story]"));
			DeskIT.waitFor(browser, delete::isDisplayed);
			delete.click();
			assertThat(browser.switchTo().alert().getText()).contains(headline);
			browser.switchTo().alert().accept();

			DeskIT.waitFor(browser, () -> browser.getCurrentUrl().equals(LocalStack.GATEWAY + "/desk"));
			assertThat(Client.get("/api/articles/" + id, Client.token("editor1")).status()).isEqualTo(404);
			assertThat(browser.findElements(By.cssSelector("tr[data-story-id='" + id + "']"))).isEmpty();
		});
	}

	private static void assertNoSidewaysScrollingAt1024(ChromeDriver browser) {
		browser.manage().window().setSize(new Dimension(1024, 900));
		assertThat(((Number) browser.executeScript("return document.documentElement.scrollWidth")).intValue())
			.as("no sideways scrolling at 1024 px on %s", browser.getCurrentUrl())
			.isLessThanOrEqualTo(((Number) browser.executeScript("return document.documentElement.clientWidth")).intValue());
	}

	private static String text(WebElement element) {
		return element.getAttribute("textContent");
	}

	private static List<WebElement> rows(ChromeDriver browser) {
		return browser.findElements(By.cssSelector("table[data-stories] tbody tr"));
	}
}
