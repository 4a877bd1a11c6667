package org.newsroom.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.chrome.ChromeDriver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs axe-core (Deque's accessibility rules engine, the one browsers' audits use) on the page the
 * browser shows, as a test-only script: the pages themselves never load it. Serious and critical
 * violations fail the test, each named with its rule, its help text and the elements concerned.
 */
final class Accessibility {

	private static final String AXE = load();

	private Accessibility() {
	}

	static void assertNoSeriousViolations(ChromeDriver browser, String screen) {
		assertThat(seriousViolations(browser)).as("axe-core on %s (%s)", screen, browser.getCurrentUrl()).isEmpty();
	}

	@SuppressWarnings("unchecked")
	static List<String> seriousViolations(ChromeDriver browser) {
		browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
		if (!Boolean.TRUE.equals(browser.executeScript("return typeof window.axe === 'object'"))) {
			browser.executeScript(AXE);
		}
		Object found = browser.executeAsyncScript("""
				var done = arguments[arguments.length - 1];
				axe.run(document, {resultTypes: ['violations']}).then(function (results) {
				  done(results.violations
				    .filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })
				    .map(function (v) {
				      return v.id + ' (' + v.impact + '): ' + v.help + ' at '
				        + v.nodes.map(function (n) { return n.target.join(' '); }).join(', ');
				    }));
				}, function (error) { done(['axe-core failed: ' + error]); });
				""");
		return (List<String>) found;
	}

	private static String load() {
		try (InputStream script = Accessibility.class.getClassLoader().getResourceAsStream("axe.min.js")) {
			if (script == null) {
				throw new IllegalStateException("axe.min.js is not on the test class path (com.deque.html.axe-core:selenium)");
			}
			return new String(script.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
