package org.newsroom.e2e;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desk's photos in a real browser against the real stack and Keycloak (issue 16, point 5): an
 * editor picks a JPEG whose IPTC names its credit and caption, sees them filled in before
 * confirming, uploads, and finds the photo in the library by its credit; sets when its rights
 * expire, in the newsroom's zone, and sees what that means for publishing; an admin is shown the
 * articles using the photo before taking it down, an editor is not offered the takedown at all.
 */
@ExtendWith(LocalStack.class)
class DeskPhotosIT {

	/** The stack's newsroom zone (NEWSROOM_WEB_TIME_ZONE's default). */
	private static final ZoneId NEWSROOM = ZoneId.of("Asia/Seoul");

	@Test
	void anEditorUploadsAPhotoSeeingItsOwnCreditFirstFindsItAndSetsItsRightsAndAnAdminSeesWhoUsesItBeforeTakingItDown()
			throws Exception {
		String credit = "Desk Photo Agency " + System.nanoTime();
		String caption = "광화문광장에 첫눈이 내렸다 " + System.nanoTime();
		Path file = Files.createTempFile("desk-photo-", ".jpg");
		Files.write(file, jpegWithIptc(credit, caption, "Kim Hong-ji"));
		String[] photoId = new String[1];
		try {
			HostileInputIT.withBrowser(browser -> {
				// a tablet's width: everything below must work without scrolling sideways
				browser.manage().window().setSize(new Dimension(1024, 900));
				browser.get(LocalStack.GATEWAY + "/desk/photos");
				DeskIT.signIn(browser, "editor1");
				DeskIT.waitFor(browser, () -> browser.getCurrentUrl().startsWith(LocalStack.GATEWAY + "/desk/photos"));

				// the file input, as a keyboard user or the file picker fills it
				browser.findElement(By.id("upload-file")).sendKeys(file.toString());
				WebElement confirm = browser.findElement(By.cssSelector("form[data-upload-confirm]"));
				DeskIT.waitFor(browser, confirm::isDisplayed);
				assertThat(browser.findElement(By.id("upload-credit")).getDomProperty("value")).isEqualTo(credit);
				assertThat(browser.findElement(By.id("upload-caption")).getDomProperty("value")).isEqualTo(caption);
				assertThat(browser.findElement(By.id("upload-creator")).getDomProperty("value")).isEqualTo("Kim Hong-ji");
				assertThat(browser.findElement(By.cssSelector("[data-from-file='credit']")).isDisplayed()).isTrue();
				assertThat(browser.findElement(By.cssSelector("[data-from-file='usageTerms']")).isDisplayed())
					.as("the file has no usage terms").isFalse();
				assertThat(Client.get("/api/media?credit=" + encode(credit), null).json().path("items").size())
					.as("nothing is stored before the editor confirms").isZero();
				Accessibility.assertNoSeriousViolations(browser, "the upload form, filled in from the file");
				assertNoSidewaysScrolling(browser);

				browser.findElement(By.id("upload-altText")).sendKeys("Snow falling on a city square");
				browser.findElement(By.cssSelector("[data-upload-submit]")).click();
				DeskIT.waitFor(browser, () -> browser.getCurrentUrl().contains("/desk/photos?added="));
				photoId[0] = browser.getCurrentUrl().replaceFirst(".*added=", "");

				// the library, searched by the credit
				WebElement search = browser.findElement(By.id("photo-q"));
				search.sendKeys(credit);
				search.submit();
				DeskIT.waitFor(browser, () -> browser.getCurrentUrl().contains("q="));
				WebElement row = browser.findElement(By.cssSelector("table[data-photos] tr[data-photo-id='" + photoId[0] + "']"));
				assertThat(row.getText()).contains(credit, caption, "active", "no expiry");
				assertThat(row.findElement(By.tagName("img")).getDomAttribute("src"))
					.isEqualTo("/api/media/" + photoId[0] + "/renditions/thumb");
				// the thumbnail loads (made on its first request)
				WebElement thumb = row.findElement(By.tagName("img"));
				DeskIT.waitFor(browser, () -> ((Number) ((JavascriptExecutor) browser)
					.executeScript("return arguments[0].complete ? arguments[0].naturalWidth : 0", thumb)).intValue() > 0);

				Accessibility.assertNoSeriousViolations(browser, "the photo library");
				assertNoSidewaysScrolling(browser);

				// a file dropped on the upload box is read the same way; without a credit it cannot be uploaded
				browser.get(LocalStack.GATEWAY + "/desk/photos");
				int width = 600 + (int) (System.nanoTime() % 300); // bytes no other test uploads
				((JavascriptExecutor) browser).executeScript("""
						var bytes = Uint8Array.from(atob(arguments[1]), function (c) { return c.charCodeAt(0); });
						var files = new DataTransfer();
						files.items.add(new File([bytes], 'dropped.jpg', {type: 'image/jpeg'}));
						arguments[0].dispatchEvent(new DragEvent('drop', {dataTransfer: files, bubbles: true, cancelable: true}));""",
						browser.findElement(By.cssSelector("[data-drop-zone]")),
						Base64.getEncoder().encodeToString(NewsroomFlowIT.jpeg(width, 427)));
				WebElement dropped = browser.findElement(By.cssSelector("form[data-upload-confirm]"));
				DeskIT.waitFor(browser, dropped::isDisplayed);
				assertThat(browser.findElement(By.cssSelector("[data-upload-facts]")).getText()).startsWith("dropped.jpg: " + width + " × 427 px");
				assertThat(browser.findElement(By.id("upload-credit")).getDomProperty("value")).isEmpty();
				browser.findElement(By.cssSelector("[data-upload-submit]")).click();
				DeskIT.waitFor(browser, () -> !browser.findElement(By.id("upload-credit-error")).getText().isEmpty());
				assertThat(browser.findElement(By.id("upload-credit-error")).getText()).contains("A credit is required");
				assertThat(browser.switchTo().activeElement().getDomAttribute("id")).isEqualTo("upload-credit");
				assertThat(Client.get("/api/media?size=1", null).json().path("items").path(0).path("id").asString())
					.as("nothing newer than the photo uploaded above").isEqualTo(photoId[0]);
				browser.navigate().back();
				row = browser.findElement(By.cssSelector("table[data-photos] tr[data-photo-id='" + photoId[0] + "']"));

				// its page: a value media-service refuses is shown next to its field, and nothing changes
				row.findElement(By.cssSelector("a[data-photo-link]")).click();
				DeskIT.waitFor(browser, () -> browser.getCurrentUrl().endsWith("/desk/photos/" + photoId[0]));
				WebElement captionField = browser.findElement(By.id("edit-caption"));
				((JavascriptExecutor) browser).executeScript("arguments[0].value = 'x'.repeat(2001)", captionField);
				browser.findElement(By.cssSelector("form[data-photo-edit] button[type='submit']")).click();
				DeskIT.waitFor(browser, () -> !browser.findElement(By.id("edit-caption-error")).getText().isEmpty());
				assertThat(captionField.getDomAttribute("aria-invalid")).isEqualTo("true");
				assertThat(Client.get("/api/media/" + photoId[0], null).json().path("caption").asString()).isEqualTo(caption);
				((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", captionField, caption);

				// rights expire at a time given in the newsroom's zone, already past
				assertThat(browser.findElements(By.cssSelector("[data-takedown]"))).as("editors are not offered a takedown")
					.isEmpty();
				assertThat(browser.findElement(By.cssSelector("[data-usable]")).getText()).contains("Yes");
				Accessibility.assertNoSeriousViolations(browser, "a photo's page");
				assertNoSidewaysScrolling(browser);
				assertThat(browser.findElement(By.cssSelector("label[for='edit-rightsExpireAt']")).getText())
					.contains("Asia/Seoul");
				WebElement expiry = browser.findElement(By.id("edit-rightsExpireAt"));
				// a date-time input is typed into in the browser's locale format; setting its value is the same input
				((JavascriptExecutor) browser).executeScript("arguments[0].value = '2026-01-02T09:30'", expiry);
				browser.findElement(By.cssSelector("form[data-photo-edit] button[type='submit']")).click();
				DeskIT.waitFor(browser, () -> browser.getCurrentUrl().endsWith("?saved=1"));
				assertThat(browser.findElement(By.id("edit-rightsExpireAt")).getDomProperty("value"))
					.isEqualTo("2026-01-02T09:30");
				assertThat(browser.findElement(By.cssSelector("[data-usage-problems]")).getText())
					.contains("rights expired on 2026-01-02 09:30 KST");
				Instant stored = Instant.parse(Client.get("/api/media/" + photoId[0], null).json().path("rightsExpireAt").asString());
				assertThat(stored).isEqualTo(LocalDateTime.parse("2026-01-02T09:30").atZone(NEWSROOM).toInstant());
			});

			String headline = "Desk photo user " + System.nanoTime();
			Client.Response draft = Client.send("POST", "/api/articles", Client.token("editor1"),
					"{\"headline\": \"" + headline + "\", \"section\": \"national\", \"leadMediaId\": \"" + photoId[0] + "\"}");
			assertThat(draft.status()).as(draft.toString()).isEqualTo(201);

			HostileInputIT.withBrowser(browser -> {
				browser.get(LocalStack.GATEWAY + "/desk/photos/" + photoId[0]);
				DeskIT.signIn(browser, "admin1");
				DeskIT.waitFor(browser, () -> browser.getCurrentUrl().endsWith("/desk/photos/" + photoId[0]));

				browser.findElement(By.cssSelector("[data-takedown-start]")).click();
				WebElement users = browser.findElement(By.cssSelector("[data-takedown-users]"));
				DeskIT.waitFor(browser, () -> !users.findElements(By.tagName("li")).isEmpty());
				assertThat(users.getText()).contains(headline, "draft");
				assertThat(browser.findElement(By.cssSelector("[data-takedown-users-state]")).getText())
					.isEqualTo("One article uses it:");
				Accessibility.assertNoSeriousViolations(browser, "the takedown confirmation");

				browser.findElement(By.cssSelector("[data-takedown-confirm-button]")).click();
				DeskIT.waitFor(browser, () -> !browser.findElements(By.cssSelector("[data-taken-down]")).isEmpty());
				assertThat(browser.findElements(By.cssSelector("[data-takedown-start]"))).isEmpty();
				assertThat(Client.get("/api/media/" + photoId[0], null).json().path("status").asString())
					.isEqualTo("TAKEN_DOWN");
			});
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	/**
	 * A JPEG carrying IPTC IIM (in a Photoshop APP13 segment, as agencies send it): credit (2:110),
	 * caption (2:120) and by-line (2:80), declared UTF-8 (1:90), so Hangul reads back intact.
	 */
	static byte[] jpegWithIptc(String credit, String caption, String byline) throws Exception {
		ByteArrayOutputStream iim = new ByteArrayOutputStream();
		dataset(iim, 1, 90, new byte[] { 0x1B, 0x25, 0x47 });
		dataset(iim, 2, 0, new byte[] { 0, 4 });
		dataset(iim, 2, 110, credit.getBytes(StandardCharsets.UTF_8));
		dataset(iim, 2, 120, caption.getBytes(StandardCharsets.UTF_8));
		dataset(iim, 2, 80, byline.getBytes(StandardCharsets.UTF_8));
		byte[] data = iim.toByteArray();

		ByteArrayOutputStream segment = new ByteArrayOutputStream();
		segment.write("Photoshop 3.0\0".getBytes(StandardCharsets.US_ASCII));
		segment.write("8BIM".getBytes(StandardCharsets.US_ASCII));
		segment.write(new byte[] { 0x04, 0x04, 0, 0 }); // resource 0x0404 (IPTC), empty name padded to even
		segment.write(new byte[] { (byte) (data.length >>> 24), (byte) (data.length >>> 16), (byte) (data.length >>> 8),
				(byte) data.length });
		segment.write(data);
		if (data.length % 2 == 1) {
			segment.write(0);
		}
		byte[] app13 = segment.toByteArray();

		byte[] jpeg = NewsroomFlowIT.jpeg(800, 533);
		// after SOI and the JFIF APP0 segment, where metadata segments go
		boolean jfif = (jpeg[2] & 0xFF) == 0xFF && (jpeg[3] & 0xFF) == 0xE0;
		int at = jfif ? 2 + 2 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF)) : 2;
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(jpeg, 0, at);
		out.write(new byte[] { (byte) 0xFF, (byte) 0xED, (byte) ((app13.length + 2) >>> 8), (byte) (app13.length + 2) });
		out.write(app13);
		out.write(jpeg, at, jpeg.length - at);
		return out.toByteArray();
	}

	private static void dataset(ByteArrayOutputStream out, int record, int number, byte[] value) {
		out.write(0x1C);
		out.write(record);
		out.write(number);
		out.write(value.length >>> 8);
		out.write(value.length);
		out.writeBytes(value);
	}

	private static void assertNoSidewaysScrolling(ChromeDriver browser) {
		assertThat(((Number) browser.executeScript("return document.documentElement.scrollWidth")).intValue())
			.as("no sideways scrolling at 1024 px on %s", browser.getCurrentUrl())
			.isLessThanOrEqualTo(((Number) browser.executeScript("return document.documentElement.clientWidth")).intValue());
	}

	private static String encode(String value) {
		return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
