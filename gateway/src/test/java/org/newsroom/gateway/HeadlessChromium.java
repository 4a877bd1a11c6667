package org.newsroom.gateway;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium through its chromedriver, for the gateway's browser tests: a
 * profile of its own (removed on close), the page's console kept for the tests to read, and a
 * test skipped, saying why, only where Chromium is not installed (CI installs it: .ci/run).
 */
public final class HeadlessChromium implements AutoCloseable {

	public static final Path CHROMIUM = Path.of(System.getProperty("newsroom.chromium", "/usr/bin/chromium"));

	public static final Path CHROMEDRIVER = Path.of(System.getProperty("newsroom.chromedriver", "/usr/bin/chromedriver"));

	private final ChromeDriver driver;

	private final Path profile;

	private HeadlessChromium(ChromeDriver driver, Path profile) {
		this.driver = driver;
		this.profile = profile;
	}

	/** A browser with a window of this size; {@code switches} go after the ones every test uses. */
	public static HeadlessChromium start(int width, int height, String... switches) throws IOException {
		Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"Browser tests skipped: Debian's chromium and chromium-driver are not installed (" + CHROMIUM + ", "
						+ CHROMEDRIVER + "); apt-get install chromium chromium-driver, as .ci/run does");
		Path profile = Files.createTempDirectory("newsroom-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
		options.addArguments(List.of(switches));
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return new HeadlessChromium(driver, profile);
	}

	public ChromeDriver driver() {
		return driver;
	}

	@Override
	public void close() throws IOException {
		driver.quit();
		try (Stream<Path> files = Files.walk(profile)) {
			files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
		}
	}
}
