package org.newsroom.gateway;

import org.junit.jupiter.api.BeforeEach;
import org.newsroom.gateway.edge.resilience.ServiceBreakers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One gateway for the page tests (composition JSON, HTML, browser): short part time limits so
 * hanging services are quick to test, and the public address of an imaginary paper.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"newsroom.edge.rate-limits.enabled=false",
		"newsroom.pages.article-timeout=1s",
		"newsroom.pages.lead-image-timeout=400ms",
		"newsroom.pages.top-timeout=400ms",
		"newsroom.pages.related-timeout=400ms",
		"NEWSROOM_PUBLIC_BASE_URL=" + NewsroomFixtures.BASE_URL,
		"NEWSROOM_WEB_SECTIONS=world,national,business",
		"NEWSROOM_SITE_NAME=The Daily Meridian",
		"NEWSROOM_WEB_LETTERS_URL=https://news.example.org/letters",
		// these tests share one gateway: a Top list remembered by one must not show in another;
		// LastKnownTopTest turns the fallback on for its own gateway
		"newsroom.pages.last-known-top-age=0s",
		// each test asks the stand-ins anew: no Top list is kept between requests (and no page:
		// GatewayTestSupport turns the page cache off)
		"newsroom.pages.top-refresh=0s", "newsroom.pages.top-max-age=0s" })
@AutoConfigureWebTestClient(timeout = "PT30S")
public abstract class PageTestSupport extends GatewayTestSupport {

	public static final String[] PAGE_BREAKERS = { "page-article", "page-lead-image", "page-top", "page-related",
			"page-latest", "page-search" };

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registerServices(registry);
	}

	@Autowired
	protected ServiceBreakers breakers;

	private static boolean warm;

	@BeforeEach
	void closeBreakersAndWarmUp() {
		if (!warm) {
			// the first request of a JVM loads and compiles much of the stack; timed tests should
			// measure the gateway's time limits, not that
			http.get().uri("/api/pages/articles/warm-up").exchange();
			http.get().uri("/news/warm-up").exchange();
			warm = true;
		}
		for (String name : PAGE_BREAKERS) {
			breakers.named(name).reset();
		}
	}

	/** A web edition page as a browser asks for it, with the status it must have. */
	protected String page(String path, int status) {
		return http.get().uri(path).accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isEqualTo(status)
			.expectBody(String.class).returnResult().getResponseBody();
	}
}
