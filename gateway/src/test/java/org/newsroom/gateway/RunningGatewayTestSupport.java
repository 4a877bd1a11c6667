package org.newsroom.gateway;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A whole gateway on a random port in front of the stand-ins, with the per-client rate limits off
 * (LimitsTest measures those): the set-up most of the edge's and the desk's tests share. A class
 * that needs a setting of its own adds it with {@code @TestPropertySource}.
 *
 * <p>Each class gets a gateway of its own, closed after it, as when every class declared this
 * set-up itself: one class's open breakers or remembered answers never reach another.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "newsroom.edge.rate-limits.enabled=false")
@AutoConfigureWebTestClient(timeout = "PT30S")
@DirtiesContext
public abstract class RunningGatewayTestSupport extends GatewayTestSupport {

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registerServices(registry);
	}
}
