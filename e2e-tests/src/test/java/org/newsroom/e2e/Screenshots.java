package org.newsroom.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Pictures of the desk's screens as the suite sees them, under {@code target/screenshots/}: the
 * README's pictures of the desk (docs/images/) are copies of these from a run.
 */
final class Screenshots {

	private static final Path FOLDER = Path.of("target", "screenshots");

	private Screenshots() {
	}

	static void save(ChromeDriver browser, String name) {
		try {
			Files.createDirectories(FOLDER);
			Files.write(FOLDER.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
