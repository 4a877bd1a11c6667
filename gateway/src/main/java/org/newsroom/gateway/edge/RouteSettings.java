package org.newsroom.gateway.edge;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.util.unit.DataSize;

/**
 * A route's own limits, read from its {@code metadata} in application.yml: {@code service} (the
 * name clients see in problems), {@code timeout} and {@code max-body-size}. Missing values fall
 * back to the edge-wide defaults.
 */
record RouteSettings(String service, Duration timeout, DataSize maxBodySize) {

	/**
	 * Parsed once per route object (compared by identity, so a refreshed route is parsed anew and
	 * the old entry goes with the old object).
	 */
	private static final Cache<Route, RouteSettings> PARSED = Caffeine.newBuilder().weakKeys().build();

	static RouteSettings of(Route route, EdgeProperties defaults) {
		return PARSED.get(route, key -> parse(key, defaults));
	}

	private static RouteSettings parse(Route route, EdgeProperties defaults) {
		Object service = route.getMetadata().get("service");
		return new RouteSettings(service != null ? service.toString() : route.getId(),
				duration(route.getMetadata().get("timeout"), defaults.resilience().timeout()),
				size(route.getMetadata().get("max-body-size"), defaults.maxBodySize()));
	}

	private static Duration duration(Object value, Duration fallback) {
		if (value instanceof Number millis) {
			return Duration.ofMillis(millis.longValue());
		}
		return value != null ? DurationStyle.detectAndParse(value.toString()) : fallback;
	}

	private static DataSize size(Object value, DataSize fallback) {
		if (value instanceof Number bytes) {
			return DataSize.ofBytes(bytes.longValue());
		}
		return value != null ? DataSize.parse(value.toString()) : fallback;
	}
}
