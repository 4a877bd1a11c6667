package org.newsroom.gateway.desk;

import java.net.URI;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsroom.gateway.services.ServiceDirectory;

import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The desk's side panel reads ranking-service's two lists, and shows a list it cannot have as unavailable. */
class DeskRankingsTest {

	private final WireMockServer rankings = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	private DeskRankings panel;

	@BeforeEach
	void start() {
		rankings.start();
		// the load balancer's part, for the one instance: ranking-service is this WireMock
		ExchangeFilterFunction rankingService = (request, next) -> next.exchange(ClientRequest.from(request)
			.url(URI.create(request.url().toString().replace("http://" + ServiceDirectory.RANKING, rankings.baseUrl())))
			.build());
		panel = new DeskRankings(new ServiceDirectory(WebClient.builder(), rankingService));
	}

	@AfterEach
	void stop() {
		rankings.stop();
	}

	@Test
	void theTopTenAndTrendingComeWithTheirViewCounts() {
		rankings.stubFor(get(urlEqualTo("/api/rankings/top?window=24h&limit=10")).willReturn(okJson("""
				{"window": "24h", "section": null, "stale": false, "items": [
				 {"rank": 1, "articleId": "a1", "slug": "s1", "headline": "Seoul wakes to frost", "section": "national", "views": 1842},
				 {"rank": 2, "articleId": "a2", "slug": "s2", "headline": "Markets open flat", "section": "business", "views": 97}]}""")));
		rankings.stubFor(get(urlEqualTo("/api/rankings/trending?limit=10"))
			.willReturn(okJson("{\"window\": \"trending\", \"stale\": true, \"items\": []}")));

		DeskRankings.Panel shown = panel.panel().block();

		assertThat(shown.top().available()).isTrue();
		assertThat(shown.top().entries()).extracting(DeskRankings.Entry::headline, DeskRankings.Entry::views)
			.containsExactly(tuple("Seoul wakes to frost", 1842L),
					tuple("Markets open flat", 97L));
		assertThat(shown.trending().available()).isTrue();
		assertThat(shown.trending().stale()).isTrue();
		assertThat(shown.trending().entries()).isEmpty();
	}

	@Test
	void aListRankingServiceCannotGiveIsUnavailableAndTheOtherStillShows() {
		rankings.stubFor(get(urlEqualTo("/api/rankings/top?window=24h&limit=10")).willReturn(serverError()));
		rankings.stubFor(get(urlEqualTo("/api/rankings/trending?limit=10"))
			.willReturn(okJson("{\"items\": [{\"rank\": 1, \"articleId\": \"a1\", \"headline\": \"Rain\", \"views\": 3}]}")));

		DeskRankings.Panel shown = panel.panel().block();

		assertThat(shown.top().available()).isFalse();
		assertThat(shown.trending().entries()).extracting(DeskRankings.Entry::headline).containsExactly("Rain");
	}
}
