package org.newsroom.article.ninjs;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.Test;
import org.newsroom.article.ArticleServiceTest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

/** IPTC ninjs 3.0 for an article, with the lead photo's credit read from media-service. */
class NinjsTest extends ArticleServiceTest {

	static final String PHOTO = "65d000000000000000000001";

	@Test
	void aPublishedArticleIsANinjsNewsItemWithItsLeadPhotoAndCredit() {
		photoUsable(PHOTO);
		media.stubFor(WireMock.get("/api/media/" + PHOTO).willReturn(WireMock.okJson("""
				{"id": "%s", "caption": "Rescue workers search the rubble in Hatay, Feb. 7.", "altText": "Rescue workers",
				 "credit": "Reuters-Yonhap", "creator": "Umit Bektas", "copyrightNotice": "(c) Reuters",
				 "status": "ACTIVE", "width": 4000, "height": 2667, "somethingNew": true,
				 "renditions": [{"name": "og", "width": 1200, "height": 630, "url": "/api/media/%s/renditions/og"}]}
				""".formatted(PHOTO, PHOTO))));
		String id = createPublished("""
				{"headline": "Quake survivors pulled from rubble", "deck": "Hope in Hatay", "summary": "Rescuers found survivors.",
				 "section": "world", "tags": ["earthquake"], "byline": ["Jane Doe", "Kim Min-su"], "source": "AFP",
				 "dateline": "HATAY, Turkey", "leadMediaId": "%s",
				 "body": [{"type": "paragraph", "text": "Rescuers **found** <two> survivors."},
				          {"type": "quote", "text": "It is a miracle.", "attribution": "A rescuer"}]}""".formatted(PHOTO));
		http.get().uri("/api/articles/{id}/ninjs", id).exchange().expectStatus().isOk()
			.expectBody()
			.jsonPath("$.standard.version").isEqualTo("3.0")
			.jsonPath("$.uri").isEqualTo("https://news.example.com/api/articles/" + id)
			.jsonPath("$.type").isEqualTo("text")
			.jsonPath("$.version").isEqualTo("1")
			.jsonPath("$.versionCreated").isNotEmpty()
			.jsonPath("$.firstCreated").isNotEmpty()
			.jsonPath("$.pubStatus").isEqualTo("usable")
			.jsonPath("$.embargoedUntil").doesNotExist()
			.jsonPath("$.language").isEqualTo("en")
			.jsonPath("$.headlines[0].value").isEqualTo("Quake survivors pulled from rubble")
			.jsonPath("$.headlines[1].role").isEqualTo("sub")
			.jsonPath("$.descriptions[0].value").isEqualTo("Rescuers found survivors.")
			.jsonPath("$.bodies[0].contentType").isEqualTo("text/html")
			.jsonPath("$.bodies[0].value").isEqualTo("<p>Rescuers <strong>found</strong> &lt;two&gt; survivors.</p>"
					+ "<blockquote><p>It is a miracle.</p><cite>A rescuer</cite></blockquote>")
			.jsonPath("$.bodies[1].contentType").isEqualTo("text/plain")
			.jsonPath("$.bodies[1].value").isEqualTo("Rescuers found <two> survivors.\n\nIt is a miracle.\n\nA rescuer")
			.jsonPath("$.by").isEqualTo("Jane Doe, Kim Min-su")
			.jsonPath("$.infoSources[0].name").isEqualTo("AFP")
			.jsonPath("$.subjects[0].name").isEqualTo("world")
			.jsonPath("$.subjects[1].name").isEqualTo("earthquake")
			.jsonPath("$.associations[0].type").isEqualTo("picture")
			.jsonPath("$.associations[0].representationType").isEqualTo("full")
			.jsonPath("$.associations[0].by").isEqualTo("Reuters-Yonhap")
			.jsonPath("$.associations[0].descriptions[0].value").isEqualTo("Rescue workers search the rubble in Hatay, Feb. 7.")
			.jsonPath("$.associations[0].renditions[0].href").isEqualTo("https://news.example.com/api/media/" + PHOTO + "/renditions/og");
	}

	@Test
	void whenMediaIsDownTheDocumentIsServedWithThePhotoMarkedPartial() {
		photoUsable(PHOTO);
		String id = createPublished("{\"headline\": \"Story whose photo service is down\", \"section\": \"world\", \"leadMediaId\": \""
				+ PHOTO + "\"}");
		media.stubFor(WireMock.get("/api/media/" + PHOTO).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		http.get().uri("/api/articles/{id}/ninjs", id).exchange().expectStatus().isOk()
			.expectBody()
			.jsonPath("$.headlines[0].value").isEqualTo("Story whose photo service is down")
			.jsonPath("$.associations[0].uri").isEqualTo("https://news.example.com/api/media/" + PHOTO)
			.jsonPath("$.associations[0].representationType").isEqualTo("partial")
			.jsonPath("$.associations[0].by").doesNotExist();
	}

	@Test
	void draftsAreWithheldAndHiddenFromReaders() {
		String id = create("Draft for ninjs", "tech");
		http.get().uri("/api/articles/{id}/ninjs", id).exchange().expectStatus().isNotFound();
		getAsEditor("/api/articles/{id}/ninjs", id).expectStatus().isOk()
			.expectBody().jsonPath("$.pubStatus").isEqualTo("withheld").jsonPath("$.associations").doesNotExist();
		assertThat(media.getAllServeEvents()).isEmpty();
	}
}
