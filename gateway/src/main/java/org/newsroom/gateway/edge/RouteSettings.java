package org.newsroom.gateway.edge;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.util.unit.DataSize;

/**
 * A route's own settings, read from its {@code metadata} in application.yml: {@code service} (the
 * name clients see in problems) and {@code max-body-size}; a missing size falls back to the
 * edge-wide default. (Its time limit, {@code response-timeout}, is read by Spring Cloud Gateway
 * itself.)
 */
public record RouteSettings(String service, DataSize maxBodySize) {

	/**
	 * Parsed once per route object (compared by identity, so a refreshed route is parsed anew and
	 * the old entry goes with the old object).
	 */
	private static final Cache<Route, RouteSettings> PARSED = Caffeine.newBuilder().executor(Runnable::run).weakKeys().build();

	public static RouteSettings of(Route route, EdgeProperties defaults) {
		return PARSED.get(route, key -> parse(key, defaults));
	}

	private static RouteSettings parse(Route route, EdgeProperties defaults) {
		Object service = route.getMetadata().get("service");
		return new RouteSettings(service != null ? service.toString() : route.getId(),
				size(route.getMetadata().get("max-body-size"), defaults.maxBodySize()));
	}

	private static DataSize size(Object value, DataSize fallback) {
		if (value instanceof Number bytes) {
			return DataSize.ofBytes(bytes.longValue());
		}
		return value != null ? DataSize.parse(value.toString()) : fallback;
	}
}
