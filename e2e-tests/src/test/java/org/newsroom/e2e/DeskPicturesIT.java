package org.newsroom.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's pictures of the desk (docs/images/desk-stories.png and desk-editor.png), taken
 * from a stack with the demo newsroom loaded, not from the suite's own test stories. Not part of
 * the suite: it runs only when asked, against a stack already up (docs/desk.md, "Pictures"):
 *
 * <pre>
 * NEWSROOM_DATA_ROOT=$(mktemp -d) ./run-local.sh --detach
 * NEWSROOM_E2E_REUSE=true ./mvnw -pl e2e-tests verify -Dit.test=DeskPicturesIT -Dnewsroom.e2e.pictures=true
 * ./run-local.sh --stop
 * </pre>
 *
 * The pictures land in e2e-tests/target/screenshots/.
 */
@EnabledIfSystemProperty(named = "newsroom.e2e.pictures", matches = "true")
class DeskPicturesIT {

	@Test
	void theStoryListAndTheEditorOfADemoStory() throws Exception {
		HostileInputIT.withBrowser(browser -> {
			browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
			browser.get(LocalStack.GATEWAY + "/desk");
			DeskIT.signIn(browser, "editor1");
			assertThat(browser.getPageSource()).as("the demo newsroom is loaded").contains("electric cranes");
			Screenshots.save(browser, "desk-stories");

			browser.findElement(By.linkText("Port authority weighs electric cranes for the north terminal")).click();
			DeskIT.waitFor(browser, () -> browser.getCurrentUrl().contains("/desk/stories/"));
			// the lead photo's thumbnail and credit, read from the library
			DeskIT.waitFor(browser, () -> !browser.findElement(By.cssSelector("[data-photo-about]")).getText().isBlank());
			browser.executeScript("window.scrollTo(0, 0)");
			Screenshots.save(browser, "desk-editor");
		});
	}
}
