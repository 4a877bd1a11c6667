package org.newsroom.ranking.view;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.newsroom.ranking.RankingServiceTest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The page-view beacon: what counts, what does not, and what is refused. */
class ViewIngestTest extends RankingServiceTest {

	@Test
	void aViewIsAcceptedAnonymouslyAndAppearsInTheTopList() {
		String article = articles.publish("world");

		view(article).expectStatus().isAccepted().expectBody().isEmpty();

		assertViews("/api/rankings/top?window=1h&section=world&limit=50", article, 1);
		assertStored(article, 1);
	}

	@Test
	void theSameVisitorCountsOncePerArticleWithinHalfAnHour() {
		String article = articles.publish("sports");
		String other = articles.publish("sports");
		String visitor = newVisitor();

		for (int i = 0; i < 3; i++) {
			view(article, h -> h.set("X-Visitor-Id", visitor)).expectStatus().isAccepted();
		}
		view(other, h -> h.set("X-Visitor-Id", visitor)).expectStatus().isAccepted();
		view(article).expectStatus().isAccepted();

		assertStored(article, 2);
		assertStored(other, 1);
	}

	@Test
	void theVisitorCookieIdentifiesTheVisitorWhenTheHeaderIsMissing() {
		String article = articles.publish("culture");
		String visitor = newVisitor();

		view(article, h -> h.add(HttpHeaders.COOKIE, "nr_vid=" + visitor)).expectStatus().isAccepted();
		view(article, h -> h.add(HttpHeaders.COOKIE, "theme=dark; nr_vid=" + visitor)).expectStatus().isAccepted();
		view(article, h -> h.set("X-Visitor-Id", visitor)).expectStatus().isAccepted();

		assertStored(article, 1);
	}

	@Test
	void withoutAVisitorIdTheClientAddressAndUserAgentIdentifyTheVisitor() {
		String article = articles.publish("tech");

		// behind the gateway: the client address arrives in X-Forwarded-For from a trusted proxy
		view(article, h -> h.set("X-Forwarded-For", "203.0.113.7")).expectStatus().isAccepted();
		view(article, h -> h.set("X-Forwarded-For", "203.0.113.7")).expectStatus().isAccepted();
		view(article, h -> {
			h.set("X-Forwarded-For", "203.0.113.7");
			h.set(HttpHeaders.USER_AGENT, "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) Mobile/15E148");
		}).expectStatus().isAccepted();
		view(article, h -> h.set("X-Forwarded-For", "198.51.100.20")).expectStatus().isAccepted();
		// a client's own X-Forwarded-For is kept behind the proxy's hop: only the address the proxy saw counts
		view(article, h -> h.set("X-Forwarded-For", "192.0.2.1, 203.0.113.7")).expectStatus().isAccepted();

		assertStored(article, 3);
	}

	@Test
	void oneClientAddressCountsAtMostTheConfiguredViewsOfAnArticleWhateverVisitorIdsItSends() {
		String article = articles.publish("business");

		// a script that invents a new visitor id for every request, from one address (limit 5 in tests)
		for (int i = 0; i < 8; i++) {
			view(article, h -> {
				h.set("X-Visitor-Id", newVisitor());
				h.set("X-Forwarded-For", "203.0.113.99");
			}).expectStatus().isAccepted();
		}
		view(article, h -> h.set("X-Forwarded-For", "203.0.113.100")).expectStatus().isAccepted();

		assertStored(article, 6);
	}

	@Test
	void anIpv6ClientRotatingAddressesWithinItsSlash64IsOneClientForTheLimit() {
		String article = articles.publish("business");

		// one host with a /64 picks a fresh address for each view (limit 5 in tests)
		for (int i = 0; i < 8; i++) {
			String address = "2001:db8:5:7:" + Integer.toHexString(0x1000 + i) + "::" + Integer.toHexString(i + 1);
			view(article, h -> {
				h.set("X-Visitor-Id", newVisitor());
				h.set("X-Forwarded-For", address);
			}).expectStatus().isAccepted();
		}
		// a neighbouring /64 is another client
		view(article, h -> h.set("X-Forwarded-For", "2001:db8:5:8::1")).expectStatus().isAccepted();

		assertStored(article, 6);
	}

	@Test
	void clientsWhoseAddressIsOneOfOurOwnAreNotLimitedPerAddress() {
		String article = articles.publish("business");

		// loopback with no X-Forwarded-For: a local run or a test, not a reader we can tell apart
		for (int i = 0; i < 8; i++) {
			view(article).expectStatus().isAccepted();
		}

		assertStored(article, 8);
	}

	@Test
	void botsAndClientsWithoutAUserAgentAreAcceptedButNotCounted() {
		String article = articles.publish("national");

		for (String agent : new String[] { "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
				"Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
				"facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
				"Mozilla/5.0 (compatible; Yeti/1.1; +http://naver.me/spd)", "Pingdom.com_bot_version_1.4" }) {
			view(article, h -> h.set(HttpHeaders.USER_AGENT, agent)).expectStatus().isAccepted();
		}
		http.post()
			.uri("/api/rankings/views")
			.contentType(MediaType.APPLICATION_JSON)
			.header("X-Visitor-Id", newVisitor())
			.header(HttpHeaders.USER_AGENT, "")
			.bodyValue("{\"articleId\": \"" + article + "\"}")
			.exchange()
			.expectStatus()
			.isAccepted();
		view(article).expectStatus().isAccepted();

		assertStored(article, 1);
	}

	@Test
	void aBeaconSentAsPlainTextIsCounted() {
		String article = articles.publish("lifestyle");

		// navigator.sendBeacon(url, string) sends text/plain and cannot set headers: the cookie identifies
		http.post()
			.uri("/api/rankings/views")
			.contentType(MediaType.TEXT_PLAIN)
			.header(HttpHeaders.USER_AGENT, BROWSER)
			.header(HttpHeaders.COOKIE, "nr_vid=" + newVisitor())
			.bodyValue("{\"articleId\":\"" + article + "\"}")
			.exchange()
			.expectStatus()
			.isAccepted();

		assertStored(article, 1);
	}

	@Test
	void viewsOfArticlesThatAreNotPublishedAreAcceptedButNeverCounted() {
		String draft = articles.draft();

		view(draft).expectStatus().isAccepted();
		view(draft).expectStatus().isAccepted();

		assertStored(draft, 0);
	}

	@Test
	void anArticlePublishedRightAfterItsIdWasAskedAboutIsCountedSecondsLater() {
		String article = articles.draft();
		view(article).expectStatus().isAccepted();
		assertStored(article, 0);

		articles.publish(article, "world");

		// "not published" is remembered only briefly (1 s in tests, 10 s by default)
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			view(article).expectStatus().isAccepted();
			assertStored(article, 1);
		});
	}

	@Test
	void everyOutcomeIsCountedInTheMetricsAndAcceptedViewsAreAllStored() {
		String article = articles.publish("sports");
		String visitor = newVisitor();
		view(article, h -> h.set("X-Visitor-Id", visitor)).expectStatus().isAccepted();
		view(article, h -> h.set("X-Visitor-Id", visitor)).expectStatus().isAccepted();
		view(article, h -> h.set(HttpHeaders.USER_AGENT, "Googlebot/2.1")).expectStatus().isAccepted();
		awaitIdle();

		String metrics = http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(metrics).contains("ranking_views_total{application=\"ranking-service\",outcome=\"accepted\"}")
			.contains("outcome=\"duplicate\"")
			.contains("outcome=\"bot\"")
			.contains("ranking_views_stored_total")
			.contains("ranking_flush_failures_total")
			.contains("ranking_buffer_views");
		assertThat(counter(metrics, "ranking_views_total{application=\"ranking-service\",outcome=\"accepted\"}"))
			.isEqualTo(counter(metrics, "ranking_views_stored_total{application=\"ranking-service\"}"));
	}

	private static double counter(String metrics, String series) {
		return metrics.lines()
			.filter(line -> line.startsWith(series + " "))
			.mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1)))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void malformedArticleIdsAre400ProblemJsonAndCountNothing() {
		for (String body : new String[] { "{\"articleId\": \"../../etc/passwd\"}", "{\"articleId\": 42}",
				"{\"articleId\": {\"$gt\": \"\"}}", "{\"articleId\": \"64B7F0C2A1B2C3D4E5F60001\"}", "{}", "not json",
				"{\"articleId\": \"64b7f0c2a1b2c3d4e5f60001\", \"extra\": 1}" }) {
			http.post()
				.uri("/api/rankings/views")
				.contentType(MediaType.APPLICATION_JSON)
				.header(HttpHeaders.USER_AGENT, BROWSER)
				.bodyValue(body)
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		}
	}

	@Test
	void aBeaconBodyLargerThanAnyBeaconIs413() {
		http.post()
			.uri("/api/rankings/views")
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.USER_AGENT, BROWSER)
			.bodyValue("{\"articleId\": \"" + "a".repeat(8000) + "\"}")
			.exchange()
			.expectStatus()
			.isEqualTo(413)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void aMalformedVisitorIdHeaderIs400NamingTheHeader() {
		String article = articles.publish("world");

		view(article, h -> h.set("X-Visitor-Id", "short")).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("X-Visitor-Id");
		view(article, h -> h.set("X-Visitor-Id", "has spaces and ; semicolons")).expectStatus().isBadRequest();

		assertStored(article, 0);
	}
}
