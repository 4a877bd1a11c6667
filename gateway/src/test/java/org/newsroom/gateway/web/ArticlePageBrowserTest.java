package org.newsroom.gateway.web;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsroom.gateway.NewsroomFixtures;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;


import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.newsroom.gateway.NewsroomFixtures.CANONICAL;
import static org.newsroom.gateway.NewsroomFixtures.CREDIT;
import static org.newsroom.gateway.NewsroomFixtures.HEADLINE;
import static org.newsroom.gateway.NewsroomFixtures.SLUG;

/**
 * The article page in a real browser (Debian's headless Chromium through its chromedriver):
 * what a reader sees, the text-size setting across pages, share links, the view beacon, the
 * page without the Top 10, and a phone-sized screen. Screenshots go to target/screenshots.
 * Skipped, saying why, only where Chromium is not installed (CI installs it: .ci/run).
 */
class ArticlePageBrowserTest extends BrowserPageTestSupport {

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	@BeforeAll
	static void screenshotsFolder() throws IOException {
		Files.createDirectories(SCREENSHOTS);
	}

	@BeforeEach
	void theStoryIsPublished() {
		NewsroomFixtures.serveStory(articles, media, rankings);
		// a second article, to check what carries over from one page to the next
		Map<String, Object> next = NewsroomFixtures.article("swiss-glaciers-lose-four-percent-of-ice-in-a-year",
				"Swiss glaciers lose four percent of their ice in a year",
				List.of(NewsroomFixtures.paragraph("Glaciers across the Alps shrank again this summer.")));
		NewsroomFixtures.serveArticle(articles, next);
		browser.manage().deleteAllCookies();
		browser.manage().window().setSize(new Dimension(1280, 1900));
	}

	@Test
	void theReaderSeesHeadlinePhotoWithCreditBodySourceAndTopTen() throws IOException {
		open("/news/" + SLUG);
		assertThat(browser.findElement(By.cssSelector("h1.headline")).getText()).isEqualTo(HEADLINE);
		WebElement photo = browser.findElement(By.cssSelector("figure.lead-photo img"));
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> loaded(photo));
		assertThat(photo.getAttribute("alt")).startsWith("Villagers walk along a road");
		WebElement credit = browser.findElement(By.cssSelector("figure.lead-photo .credit"));
		assertThat(credit.isDisplayed()).isTrue();
		assertThat(credit.getText()).isEqualTo(CREDIT);
		assertThat(browser.findElement(By.cssSelector("figure.lead-photo figcaption")).getText())
			.startsWith("Residents of Valdora").endsWith(CREDIT);
		List<WebElement> paragraphs = browser.findElements(By.cssSelector(".article-text > p:not(.source)"));
		assertThat(paragraphs).hasSize(8);
		assertThat(browser.findElements(By.cssSelector(".article-text blockquote"))).hasSize(3);
		assertThat(browser.findElement(By.cssSelector(".article-text .source")).getText()).isEqualTo("(AFP)");
		List<WebElement> top = browser.findElements(By.cssSelector(".top-stories li"));
		assertThat(top).hasSize(10);
		assertThat(top.get(0).getText()).isEqualTo("Seoul subway adds late-night trains for the year-end rush");
		assertThat(browser.findElement(By.cssSelector(".corrections")).getText()).contains("1,540 metres");
		assertNoCspViolations();
		screenshot("article-page");
	}

	@Test
	void eachViewSendsOneBeaconWithTheFirstPartyVisitorId() {
		open("/news/" + SLUG);
		List<LoggedRequest> views = awaitViews(1);
		String visitor = views.get(0).getHeader("X-Visitor-Id");
		assertThat(visitor).matches("[0-9a-f]{32}");
		assertThat(views.get(0).getBodyAsString()).isEqualTo("{\"articleId\":\"6750a1b2c3d4e5f601234567\"}");
		assertThat(browser.manage().getCookieNamed("nr_vid").getValue()).isEqualTo(visitor);

		browser.navigate().refresh();
		views = awaitViews(2);
		assertThat(views.get(1).getHeader("X-Visitor-Id")).isEqualTo(visitor);
	}

	@Test
	void theTextSizeChoiceChangesTheTextAndIsRememberedOnTheNextPage() {
		open("/news/" + SLUG);
		double normal = bodyTextSize();
		browser.findElement(By.cssSelector("button[data-font-step='2']")).click();
		double larger = bodyTextSize();
		assertThat(larger).isGreaterThan(normal * 1.2);
		assertThat(browser.findElement(By.cssSelector("button[data-font-step='2']")).getAttribute("aria-pressed"))
			.isEqualTo("true");

		browser.findElement(By.linkText("Swiss glaciers lose four percent of their ice in a year")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(d -> d.findElement(By.cssSelector("h1.headline")).getText().startsWith("Swiss glaciers"));
		assertThat(bodyTextSize()).isEqualTo(larger);
		assertThat(browser.findElement(By.cssSelector("button[data-font-step='2']")).getAttribute("aria-pressed"))
			.isEqualTo("true");

		browser.findElement(By.cssSelector("button[data-font-step='-2']")).click();
		assertThat(bodyTextSize()).isLessThan(normal);
		browser.findElement(By.cssSelector("button[data-font-step='0']")).click();
		assertThat(bodyTextSize()).isEqualTo(normal);
	}

	@Test
	void shareLinksCarryTheCanonicalAddress() {
		open("/news/" + SLUG);
		for (String share : new String[] { "share-facebook", "share-x", "share-kakao", "share-mail" }) {
			String href = browser.findElement(By.className(share)).getAttribute("href");
			assertThat(URLDecoder.decode(href, StandardCharsets.UTF_8)).as(share).contains(CANONICAL);
		}
		assertThat(browser.findElement(By.className("share-copy")).getAttribute("data-copy-link")).isEqualTo(CANONICAL);
		assertThat(browser.findElement(By.cssSelector("meta[property='og:url']")).getAttribute("content"))
			.isEqualTo(CANONICAL);
		assertThat(browser.findElement(By.cssSelector("link[rel='canonical']")).getAttribute("href")).isEqualTo(CANONICAL);
	}

	@Test
	void withRankingDownThePageStillRenders() throws IOException {
		rankings.stubFor(get(urlPathEqualTo("/api/rankings/top")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		open("/news/" + SLUG);
		assertThat(browser.findElement(By.cssSelector("h1.headline")).getText()).isEqualTo(HEADLINE);
		assertThat(browser.findElement(By.cssSelector("figure.lead-photo .credit")).getText()).isEqualTo(CREDIT);
		assertThat(browser.findElement(By.cssSelector(".top-stories")).getText())
			.contains("The most-read list is not available right now.");
		assertThat(browser.findElements(By.cssSelector(".top-stories li"))).isEmpty();
		screenshot("article-page-without-top10");
	}

	@Test
	void aPhoneSizedScreenHasNoHorizontalScroll() throws IOException {
		browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 360, "height", 780, "deviceScaleFactor", 2, "mobile", true));
		try {
			open("/news/" + SLUG);
			JavascriptExecutor js = browser;
			Number viewport = (Number) js.executeScript("return window.innerWidth;");
			Number content = (Number) js.executeScript("return document.documentElement.scrollWidth;");
			assertThat(viewport.intValue()).isEqualTo(360);
			assertThat(content.intValue()).isLessThanOrEqualTo(360);
			WebElement photo = browser.findElement(By.cssSelector("figure.lead-photo img"));
			assertThat(photo.getRect().getWidth()).isLessThanOrEqualTo(360);
			screenshot("article-page-phone");
		}
		finally {
			browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
		}
	}

	@Test
	void aScriptInAHeadlineIsShownAsTextAndNeverRuns() {
		NewsroomFixtures.serveArticle(articles, NewsroomFixtures.article("hostile-headline",
				"<script>alert('x')</script><img src=x onerror=alert(1)>",
				List.of(NewsroomFixtures.paragraph("<script>alert('body')</script>"))));
		open("/news/hostile-headline");
		assertThat(browser.findElement(By.cssSelector("h1.headline")).getText())
			.isEqualTo("<script>alert('x')</script><img src=x onerror=alert(1)>");
		assertThat(browser.findElement(By.cssSelector(".article-text p")).getText())
			.isEqualTo("<script>alert('body')</script>");
		assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
	}

	private void open(String path) {
		browser.get("http://localhost:" + port + path);
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
	}

	private static boolean loaded(WebElement image) {
		Object width = browser.executeScript("return arguments[0].complete && arguments[0].naturalWidth;", image);
		return width instanceof Number n && n.intValue() > 0;
	}

	private double bodyTextSize() {
		Object size = browser.executeScript(
				"return parseFloat(getComputedStyle(document.querySelector('.article-text p')).fontSize);");
		return ((Number) size).doubleValue();
	}

	private List<LoggedRequest> awaitViews(int count) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		List<LoggedRequest> views = rankings.findAll(postRequestedFor(urlEqualTo("/api/rankings/views")));
		while (views.size() < count && System.nanoTime() < deadline) {
			sleep(100);
			views = rankings.findAll(postRequestedFor(urlEqualTo("/api/rankings/views")));
		}
		sleep(300);
		views = rankings.findAll(postRequestedFor(urlEqualTo("/api/rankings/views")));
		assertThat(views).as("view beacons").hasSize(count);
		return views;
	}

	private static void assertNoCspViolations() {
		List<String> violations = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
			.map(LogEntry::getMessage)
			.filter(message -> message.contains("Content Security Policy") || message.contains("Refused to"))
			.toList();
		assertThat(violations).isEmpty();
	}

	private static void screenshot(String name) throws IOException {
		Path file = browser.getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(file, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
