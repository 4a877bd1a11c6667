package org.newsroom.ranking.config;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

import io.micrometer.observation.ObservationPredicate;
import org.newsroom.platform.observability.ReactiveRequestIdFilter;
import org.newsroom.platform.web.ClientAddresses;
import org.newsroom.platform.web.RankingPaths;
import org.newsroom.ranking.counting.Replica;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;

@Configuration(proxyBeanMethods = false)
class RankingConfiguration {

	private static final Logger log = LoggerFactory.getLogger(RankingConfiguration.class);

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/** Request ids from the gateway kept (or made) and echoed, as in every service. */
	@Bean
	ReactiveRequestIdFilter requestIdFilter() {
		return new ReactiveRequestIdFilter();
	}

	/** Whose X-Forwarded-For is believed: {@code newsroom.rankings.ingest.trusted-proxies}. */
	@Bean
	ClientAddresses clientAddresses(RankingProperties properties) {
		return new ClientAddresses(properties.ingest().trustedProxies());
	}

	@Bean
	Replica replica() {
		Replica replica = Replica.random();
		log.info("Counting as replica {} (flush batches are numbered per replica)", replica.id());
		return replica;
	}

	/**
	 * The beacon is not timed per request ({@code http.server.requests}): at tens of thousands
	 * of views a second that bookkeeping would cost more than counting the view. Its outcomes
	 * are counted in {@code ranking_views_total} instead; every other endpoint is timed.
	 */
	@Bean
	ObservationPredicate noRequestObservationOfTheBeacon() {
		return (name, context) -> !(context instanceof ServerRequestObservationContext request
				&& RankingPaths.VIEW_BEACON.equals(request.getCarrier().getPath().value()));
	}

	/**
	 * The driver would wait 30 s to find a server and forever for an answer; the flusher and the
	 * refresher must notice a slow or absent store within {@code store-timeout} and retry.
	 */
	@Bean
	MongoClientSettingsBuilderCustomizer storeTimeouts(RankingProperties properties) {
		long millis = properties.counting().storeTimeout().toMillis();
		return settings -> settings
			.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(millis, TimeUnit.MILLISECONDS))
			.applyToSocketSettings(socket -> socket.connectTimeout((int) millis, TimeUnit.MILLISECONDS)
				.readTimeout((int) millis, TimeUnit.MILLISECONDS));
	}
}
