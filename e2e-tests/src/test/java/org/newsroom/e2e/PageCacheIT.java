package org.newsroom.e2e;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page cache's promise, on the real stack with two gateway replicas: a page both replicas
 * hold, corrected or withdrawn by an editor, shows the correction or is gone on both within two
 * seconds (the page and its JSON for apps).
 */
@ExtendWith(LocalStack.class)
class PageCacheIT {

	private static final Duration PROMISE = Duration.ofSeconds(2);

	static String editor;

	static SecondGateway second;

	@BeforeAll
	static void signInAndStartASecondGateway() {
		editor = Client.token("editor1");
		second = SecondGateway.start();
	}

	@AfterAll
	static void stopTheSecondGateway() {
		if (second != null) {
			second.close();
		}
	}

	@Test
	void aCorrectionAndThenAWithdrawalReachBothReplicasWithinTwoSeconds() {
		Client.Response created = Client.send("POST", "/api/articles", editor, """
				{"headline": "Port strike ends after nine days", "section": "business",
				 "summary": "Dock workers return on Monday.", "source": "Yonhap",
				 "body": [{"type": "paragraph", "text": "The strike at the port ended on Sunday."}]}""");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String id = created.json().get("id").asString();
		String slug = created.json().get("slug").asString();
		assertThat(Client.send("POST", "/api/articles/" + id + "/publish", editor, null).status()).isEqualTo(200);

		List<String> pages = List.of(LocalStack.GATEWAY + "/news/" + slug, SecondGateway.URL + "/news/" + slug,
				LocalStack.GATEWAY + "/api/pages/articles/" + slug, SecondGateway.URL + "/api/pages/articles/" + slug);
		// every replica composes and keeps the page and its JSON
		for (int round = 0; round < 3; round++) {
			for (String page : pages) {
				assertThat(read(page).status()).as(page).isEqualTo(200);
			}
		}

		Client.Response corrected = Client.send("POST", "/api/articles/" + id + "/corrections", editor,
				"{\"text\": \"The strike lasted nine days, not ten.\"}");
		assertThat(corrected.status()).as(corrected.toString()).isEqualTo(201);
		Duration shown = until(pages, answer -> answer.status() == 200
				&& answer.body().contains("The strike lasted nine days, not ten."));
		assertThat(shown).as("correction on every replica").isLessThanOrEqualTo(PROMISE);

		assertThat(Client.send("POST", "/api/articles/" + id + "/withdraw", editor, null).status()).isEqualTo(200);
		// withdrawn is Gone (410), on the reader's page and in the app's JSON alike
		Duration gone = until(pages, answer -> answer.status() == 410);
		assertThat(gone).as("withdrawal on every replica").isLessThanOrEqualTo(PROMISE);
	}

	private static Client.Response read(String url) {
		int at = url.indexOf('/', "http://".length());
		return Client.getFrom(url.substring(0, at), url.substring(at));
	}

	/** How long until every page answers as expected (checked every 20 ms, given up after 10 s). */
	private static Duration until(List<String> pages, Predicate<Client.Response> expected) {
		long started = System.nanoTime();
		while (System.nanoTime() - started < Duration.ofSeconds(10).toNanos()) {
			if (pages.stream().allMatch(page -> expected.test(read(page)))) {
				return Duration.ofNanos(System.nanoTime() - started);
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		return Duration.ofSeconds(10);
	}
}
