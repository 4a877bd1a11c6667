package org.newsroom.gateway.edge.logging;

import org.springframework.cloud.gateway.filter.headers.observation.DefaultGatewayObservationConvention;
import org.springframework.stereotype.Component;

/**
 * Names the proxy's client-side metric {@code newsroom.gateway.proxy.requests}. The gateway's
 * default name, {@code http.client.requests}, is also what Boot gives the page composition's
 * WebClient calls, with other tags; Prometheus refuses two meters of one name with different
 * tags, so one of them would silently go missing.
 */
@Component
public class ProxyObservationName extends DefaultGatewayObservationConvention {

	@Override
	public String getName() {
		return "newsroom.gateway.proxy.requests";
	}
}
