package org.newsroom.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.newsroom.platform.observability.RequestId;
import org.newsroom.platform.test.RedisServer;
import org.newsroom.platform.test.TestIdentityProvider;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's surroundings in tests: WireMock stands in for the three services and for
 * Keycloak's key set. Shared by the test classes (one set of servers per test JVM); each test
 * starts from servers with no stubs and no recorded requests.
 */
public abstract class GatewayTestSupport {

	protected static final TestIdentityProvider identity = new TestIdentityProvider();
	protected static final WireMockServer articles = started();
	protected static final WireMockServer media = started();
	protected static final WireMockServer rankings = started();

	/**
	 * Points the gateway at the stand-ins; call it from each test class's own
	 * {@code @DynamicPropertySource} (then override what that class needs differently).
	 */
	protected static void registerServices(DynamicPropertyRegistry registry) {
		identity.register(registry);
		registry.add("newsroom.services.article", articles::baseUrl);
		registry.add("newsroom.services.media", media::baseUrl);
		registry.add("newsroom.services.ranking", rankings::baseUrl);
		// the stand-ins have no change logs: pages are composed for every request, as they were
		// before the page cache (cache/PageCacheTest serves the logs and turns it on)
		registry.add("newsroom.pages.cache.enabled", () -> "false");
	}

	/**
	 * The rate limits kept in {@code redis}, as several replicas keep them; call it from a test
	 * class's own {@code @DynamicPropertySource}.
	 */
	protected static void registerSharedLimits(DynamicPropertyRegistry registry, RedisServer redis) {
		registry.add("newsroom.edge.rate-limits.store", () -> "redis");
		registry.add("spring.data.redis.url", redis::url);
		// on a busy test machine the default 250 ms would make the gateway decide alone now and then
		registry.add("newsroom.edge.rate-limits.store-timeout", () -> "2s");
	}

	@Autowired
	protected WebTestClient http;

	@BeforeEach
	void forgetEverything() {
		for (WireMockServer service : new WireMockServer[] { articles, media, rankings }) {
			service.resetAll();
		}
	}

	/**
	 * That no client's request was passed on to {@code service}, listing those that were. The edge
	 * marks everything it passes on with the request's {@code X-Request-Id}; the gateway's own
	 * background reads (its warm-up at start, change-log reads, Top list refreshes) carry none, and
	 * the gateways of other test classes, still alive in Spring's context cache, keep making them
	 * against these shared stand-ins while this test runs.
	 */
	protected static void assertNothingReached(WireMockServer service) {
		assertThat(service.getAllServeEvents())
			.filteredOn(event -> event.getRequest().containsHeader(RequestId.HEADER))
			.extracting(event -> event.getRequest().getMethod() + " " + event.getRequest().getUrl())
			.isEmpty();
	}

	private static WireMockServer started() {
		WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		server.start();
		return server;
	}

	/** A local port nothing listens on: a service that is down. */
	protected static String closedPort() {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			return "http://127.0.0.1:" + socket.getLocalPort();
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
