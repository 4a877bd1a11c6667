package org.newsroom.ranking;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import org.bson.types.ObjectId;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * article-service's summaries endpoint, served by WireMock over real HTTP: it answers
 * {@code GET /api/articles/summaries?ids=} with the articles the test has published, in the
 * order asked, omitting the rest, like the real endpoint. Tests can take it down, slow it down
 * or make it flap.
 */
public final class ArticleServiceStandIn implements AutoCloseable {

	static final String PATH = "/api/articles/summaries";

	public record Article(String id, String slug, String headline, String section, Instant firstPublishedAt) {
	}

	private final Map<String, Article> published = new ConcurrentHashMap<>();
	/** The change log's entries, as article-service's /internal/changes writes them. */
	private final List<String> changes = new java.util.concurrent.CopyOnWriteArrayList<>();
	private final WireMockServer wireMock;
	private final List<StubMapping> faults = new ArrayList<>();

	public ArticleServiceStandIn() {
		wireMock = new WireMockServer(WireMockConfiguration.options().dynamicPort().extensions(new Summaries(),
				new ChangeLog()));
		wireMock.start();
		wireMock.stubFor(get(urlPathEqualTo(PATH)).atPriority(5).willReturn(aResponse().withTransformers(Summaries.NAME)));
		wireMock.stubFor(get(urlPathEqualTo("/internal/changes")).willReturn(aResponse().withTransformers(ChangeLog.NAME)));
	}

	public String url() {
		return "http://localhost:" + wireMock.port();
	}

	/** Publishes a new article (a fresh ObjectId, so later articles have larger ids). */
	public String publish(String section) {
		String id = new ObjectId().toHexString();
		publish(id, section);
		return id;
	}

	public void publish(String id, String section) {
		published.put(id, new Article(id, "story-" + id.substring(16), "Headline " + id.substring(16), section, Instant.now()));
	}

	/** An article that exists only as a draft: the summaries endpoint does not know it. */
	public String draft() {
		return new ObjectId().toHexString();
	}

	/** Withdraws the article, and says so in the change log as article-service does. */
	public void withdraw(String id) {
		Article article = published.remove(id);
		change(id, article, false);
	}

	/** Says in the change log that a published article changed (an edit, a correction). */
	public void edited(String id) {
		change(id, published.get(id), true);
	}

	private void change(String id, Article article, boolean visible) {
		changes.add("{\"id\":\"" + new ObjectId().toHexString() + "\",\"at\":\"" + Instant.now()
				+ "\",\"kind\":\"article\",\"subject\":\"" + id + "\",\"slugs\":[\""
				+ (article != null ? article.slug() : "") + "\"],\"visible\":" + visible + "}");
	}

	public void moveTo(String id, String section) {
		published.computeIfPresent(id, (k, a) -> new Article(a.id(), a.slug(), a.headline(), section, a.firstPublishedAt()));
	}

	/** Every call fails: the connection is reset. */
	public void down() {
		fault(get(urlPathEqualTo(PATH)).atPriority(1).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
	}

	/** Every call answers correctly, but only after {@code delay}. */
	public void slow(Duration delay) {
		fault(get(urlPathEqualTo(PATH)).atPriority(1)
			.willReturn(aResponse().withTransformers(Summaries.NAME).withFixedDelay((int) delay.toMillis())));
	}

	/** Calls fail and succeed in turn. */
	public void flapping() {
		fault(get(urlPathEqualTo(PATH)).atPriority(1)
			.inScenario("flap")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
			.willSetStateTo("answering"));
		fault(get(urlPathEqualTo(PATH)).atPriority(1)
			.inScenario("flap")
			.whenScenarioStateIs("answering")
			.willReturn(aResponse().withTransformers(Summaries.NAME))
			.willSetStateTo(Scenario.STARTED));
	}

	/** Back to answering at once. */
	public void healthy() {
		faults.forEach(wireMock::removeStub);
		faults.clear();
		wireMock.resetScenarios();
	}

	private void fault(com.github.tomakehurst.wiremock.client.MappingBuilder stub) {
		faults.add(wireMock.stubFor(stub));
	}

	@Override
	public void close() {
		wireMock.stop();
	}

	/** A JSON answer made for each request (the stub's own settings, such as a delay, kept). */
	private abstract static class JsonAnswer implements ResponseDefinitionTransformerV2 {

		private final String name;

		JsonAnswer(String name) {
			this.name = name;
		}

		abstract String body(ServeEvent serveEvent);

		@Override
		public ResponseDefinition transform(ServeEvent serveEvent) {
			return ResponseDefinitionBuilder.like(serveEvent.getResponseDefinition())
				.withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody(body(serveEvent))
				.build();
		}

		@Override
		public boolean applyGlobally() {
			return false;
		}

		@Override
		public String getName() {
			return name;
		}
	}

	private final class ChangeLog extends JsonAnswer {

		static final String NAME = "changes";

		ChangeLog() {
			super(NAME);
		}

		@Override
		String body(ServeEvent serveEvent) {
			return "{\"changes\":[" + String.join(",", changes) + "],\"complete\":true}";
		}
	}

	private final class Summaries extends JsonAnswer {

		static final String NAME = "summaries";

		Summaries() {
			super(NAME);
		}

		@Override
		String body(ServeEvent serveEvent) {
			QueryParameter ids = serveEvent.getRequest().queryParameter("ids");
			StringBuilder json = new StringBuilder("{\"items\":[");
			boolean first = true;
			for (String id : ids.isPresent() ? ids.firstValue().split(",") : new String[0]) {
				Article article = published.get(id);
				if (article == null) {
					continue;
				}
				json.append(first ? "" : ",")
					.append("{\"id\":\"").append(article.id())
					.append("\",\"slug\":\"").append(article.slug())
					.append("\",\"headline\":\"").append(article.headline())
					.append("\",\"section\":\"").append(article.section())
					.append("\",\"leadMediaId\":null,\"firstPublishedAt\":\"").append(article.firstPublishedAt())
					.append("\"}");
				first = false;
			}
			return json.append("]}").toString();
		}
	}
}
