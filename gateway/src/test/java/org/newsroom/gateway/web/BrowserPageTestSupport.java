package org.newsroom.gateway.web;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.newsroom.gateway.HeadlessChromium;
import org.newsroom.gateway.PageTestSupport;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The web edition's pages in one headless Chromium per test class, desktop sized to start with
 * (a test may resize the window). Skipped, saying why, only where Chromium is not installed.
 */
abstract class BrowserPageTestSupport extends PageTestSupport {

	static HeadlessChromium chromium;
	static ChromeDriver browser;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startBrowser() throws IOException {
		chromium = HeadlessChromium.start(1280, 1900, "--hide-scrollbars");
		browser = chromium.driver();
	}

	@AfterAll
	static void stopBrowser() throws IOException {
		if (chromium != null) {
			chromium.close();
		}
	}
}
