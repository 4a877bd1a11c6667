package org.newsroom.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desk in a real browser against the real stack and the real Keycloak (issue 16, sign-in and
 * roles): an editor types the password into Keycloak's own login page and lands on the desk, which
 * lists a story created through the API; no token is within reach of page scripts; a POST without
 * the CSRF token is refused; sign-out ends the Keycloak session too, so the desk asks for the
 * password again; an admin is shown as one; an account without a newsroom role gets a page that
 * says so (403).
 */
@ExtendWith(LocalStack.class)
class DeskIT {

	private static final Duration PATIENCE = Duration.ofSeconds(20);

	static String headline;

	@BeforeAll
	static void aStoryIsWrittenThroughTheApi() {
		headline = "Desk sign-in check " + System.nanoTime();
		Client.Response draft = Client.send("POST", "/api/articles", Client.token("editor1"),
				"{\"headline\": \"" + headline + "\", \"section\": \"national\"}");
		assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
	}

	@Test
	void anEditorSignsInOnKeycloaksPageSeesTheStoriesAndSignsOutOfKeycloakToo() throws Exception {
		HostileInputIT.withBrowser(browser -> {
			browser.get(LocalStack.GATEWAY + "/desk");
			signIn(browser, "editor1");

			assertThat(browser.getCurrentUrl()).isEqualTo(LocalStack.GATEWAY + "/desk");
			assertThat(status(browser)).isEqualTo(200);
			assertThat(browser.findElement(By.cssSelector("[data-user]")).getText()).isEqualTo("editor1");
			assertThat(browser.findElement(By.cssSelector("[data-role]")).getText()).isEqualTo("editor");
			String row = browser.findElement(By.xpath("//table[@data-stories]//tr[td[normalize-space()='" + headline
					+ "']]")).getText();
			assertThat(row).contains(headline, "national", "DRAFT", "by editor1");
			// what readers read, beside the list: each list shown (with view counts) or empty, never unavailable
			for (String ranking : new String[] { "top", "trending" }) {
				var panel = browser.findElement(By.cssSelector("aside [data-ranking='" + ranking + "']"));
				assertThat(panel.getText()).as(ranking).doesNotContain("Not available");
				if (panel.findElements(By.tagName("li")).isEmpty()) {
					assertThat(panel.getText()).as(ranking).contains("No views yet");
				}
				else {
					assertThat(panel.findElement(By.tagName("li")).getText()).as(ranking).containsPattern("[0-9,]+ views");
				}
			}

			// a real application: no serious accessibility violation, every part reachable by keyboard,
			// and usable on a 1024 px wide tablet without scrolling sideways
			Accessibility.assertNoSeriousViolations(browser, "the story list");
			Screenshots.save(browser, "desk-stories");
			assertThat(tabStops(browser, 12)).contains("Stories", "New story", "Photos", "Sign out");
			browser.manage().window().setSize(new Dimension(1024, 900));
			assertThat(((Number) browser.executeScript("return document.documentElement.scrollWidth")).intValue())
				.as("no sideways scrolling at 1024 px")
				.isLessThanOrEqualTo(((Number) browser.executeScript("return document.documentElement.clientWidth")).intValue());

			// the browser holds the session cookie only, out of scripts' reach, and no token anywhere
			JavascriptExecutor script = browser;
			assertThat((String) script.executeScript("return document.cookie")).doesNotContain("NEWSROOM_DESK");
			assertThat((Long) script.executeScript("return window.localStorage.length + window.sessionStorage.length"))
				.isZero();
			assertThat(browser.getPageSource()).doesNotContain("eyJ");

			// a state-changing request without the session's CSRF token changes nothing
			Object refused = script.executeAsyncScript("var done = arguments[arguments.length - 1];"
					+ "fetch('/logout', {method: 'POST', redirect: 'manual'}).then(function (r) { done(r.status); });");
			assertThat(((Number) refused).intValue()).isEqualTo(403);
			browser.navigate().refresh();
			assertThat(browser.findElement(By.cssSelector("[data-user]")).getText()).as("still signed in")
				.isEqualTo("editor1");

			browser.findElement(By.cssSelector("form[data-sign-out] button")).click();
			waitFor(browser, () -> browser.getCurrentUrl().equals(LocalStack.GATEWAY + "/"));

			browser.get(LocalStack.GATEWAY + "/desk");
			waitFor(browser, () -> browser.getCurrentUrl().startsWith(LocalStack.KEYCLOAK));
			assertThat(browser.findElements(By.id("password"))).as("Keycloak asks for the password again").isNotEmpty();
		});
	}

	@Test
	void anAdminIsShownAsOne() throws Exception {
		HostileInputIT.withBrowser(browser -> {
			browser.get(LocalStack.GATEWAY + "/desk");
			signIn(browser, "admin1");

			assertThat(browser.findElement(By.cssSelector("[data-user]")).getText()).isEqualTo("admin1");
			assertThat(browser.findElement(By.cssSelector("[data-role]")).getText()).isEqualTo("editor, admin");
		});
	}

	@Test
	void anAccountWithoutANewsroomRoleIsToldSo() throws Exception {
		HostileInputIT.withBrowser(browser -> {
			browser.get(LocalStack.GATEWAY + "/desk");
			signIn(browser, "reader1");

			assertThat(status(browser)).isEqualTo(403);
			assertThat(browser.findElement(By.cssSelector("[data-no-role]")).getText())
				.isEqualTo("Your account has no newsroom role");
			assertThat(browser.getPageSource()).contains("reader1").doesNotContain("Exception", "at org.");
			assertThat(browser.findElements(By.cssSelector("[data-stories]"))).isEmpty();
			Accessibility.assertNoSeriousViolations(browser, "the no-role page");
		});
	}

	/** The visible text of the first {@code count} elements the Tab key reaches, in order. */
	static List<String> tabStops(ChromeDriver browser, int count) {
		browser.executeScript("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
		List<String> stops = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			new Actions(browser).sendKeys(Keys.TAB).perform();
			stops.add(browser.switchTo().activeElement().getText().trim());
		}
		return stops;
	}

	/** Types the demo password into Keycloak's own login form. */
	static void signIn(ChromeDriver browser, String user) {
		waitFor(browser, () -> browser.getCurrentUrl().startsWith(LocalStack.KEYCLOAK + "/realms/news/"));
		browser.findElement(By.id("username")).sendKeys(user);
		browser.findElement(By.id("password")).sendKeys(user);
		browser.findElement(By.id("kc-login")).click();
		waitFor(browser, () -> browser.getCurrentUrl().startsWith(LocalStack.GATEWAY + "/desk"));
	}

	/** The HTTP status of the page the browser shows. */
	static int status(ChromeDriver browser) {
		return ((Number) browser.executeScript(
				"return performance.getEntriesByType('navigation')[0].responseStatus")).intValue();
	}

	static void waitFor(WebDriver browser, java.util.function.BooleanSupplier condition) {
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("gave up waiting; the browser shows " + browser.getCurrentUrl() + "\n"
						+ browser.getPageSource());
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new AssertionError(e);
			}
		}
	}
}
