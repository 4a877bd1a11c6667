package org.newsroom.gateway.edge;

import java.time.Duration;
import java.util.List;

import org.newsroom.gateway.edge.resilience.ServiceBreakers;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the edge protects the services and itself. Values that differ per deployment come from
 * env vars through application.yml; the rest are defaults here.
 *
 * @param corsOrigins origins of the web and app front ends allowed to call the API from a browser
 * @param trustedProxies addresses or CIDR ranges of proxies in front of the gateway (load
 * balancer, ingress) whose {@code X-Forwarded-For} and {@code X-Forwarded-Proto} are believed
 * @param maxBodySize request body limit of routes that set none of their own
 * @param resilience retries of the proxied routes (their breakers are configured under
 * {@code resilience4j.circuitbreaker} in application.yml)
 * @param rateLimits per-client token buckets
 */
@ConfigurationProperties("newsroom.edge")
public record EdgeProperties(@DefaultValue List<String> corsOrigins, @DefaultValue List<String> trustedProxies,
		@DefaultValue("1MB") DataSize maxBodySize, @DefaultValue Resilience resilience,
		@DefaultValue RateLimits rateLimits) {

	/**
	 * The time a service has to start answering a proxied request is Spring Cloud Gateway's
	 * {@code spring.cloud.gateway.server.webflux.httpclient.response-timeout} (a route may set its
	 * own {@code response-timeout} metadata, in milliseconds).
	 *
	 * @param retries extra attempts for GET and HEAD after a connection failure or a 502/504
	 * @param firstBackoff pause before the first retry; doubles for each further one
	 * @param maxBackoff longest pause between retries
	 * @param jitter random share (0..1) of each pause, so clients do not retry in step
	 */
	public record Resilience(@DefaultValue("2") int retries,
			@DefaultValue("50ms") Duration firstBackoff, @DefaultValue("400ms") Duration maxBackoff,
			@DefaultValue("0.5") double jitter) {
	}

	/**
	 * Token buckets per client (address, or token subject once authenticated) and the 401 lock-out.
	 * With {@code store: memory} they are kept per gateway replica (with N replicas behind a
	 * balancer a client may get up to N times these); with {@code store: redis} they hold for all
	 * replicas together (edge/limits/SharedBudgets, docs/gateway.md).
	 *
	 * @param general any API request
	 * @param beacon the anonymous view beacon {@code POST /api/rankings/views}
	 * @param authFailures 401s a client address may collect within {@code authFailureWindow}
	 * before every further request from it is refused until the window has passed
	 * @param authFailureWindow see {@code authFailures}
	 * @param maxClients clients tracked at once; the least recently seen are forgotten first
	 * @param ipv6Prefix prefix length an IPv6 client is counted by (64: one customer's network,
	 *     see {@link org.newsroom.platform.web.ClientPrefix}); IPv4 clients count by address
	 * @param store where the budgets and the lock-out live: {@code memory} (this replica) or
	 *     {@code redis} (shared, at {@code spring.data.redis.url})
	 * @param leaseLife how long a replica may spend tokens it took from a shared bucket before it
	 *     asks again (unspent ones are then simply dropped). It does not widen the budget: what
	 *     all replicas spend in any period is at most what the bucket gave out in it plus the
	 *     tokens the replicas held at its start (a lease or two each); a long life lets a reader
	 *     who reads slowly be served from memory for all of a lease
	 * @param storeTimeout longest wait for the shared store; past it this replica decides alone
	 * @param storeRetry how long after a failed call the shared store is tried again
	 */
	public record RateLimits(@DefaultValue("true") boolean enabled, @DefaultValue Bucket general,
			@DefaultValue("20") int beaconCapacity, @DefaultValue("0.5") double beaconPerSecond,
			@DefaultValue("10") int authFailures, @DefaultValue("60s") Duration authFailureWindow,
			@DefaultValue("100000") int maxClients, @DefaultValue("64") int ipv6Prefix,
			@DefaultValue("memory") Store store, @DefaultValue("10s") Duration leaseLife,
			@DefaultValue("250ms") Duration storeTimeout, @DefaultValue("1s") Duration storeRetry) {

		public Bucket beacon() {
			return new Bucket(beaconCapacity, beaconPerSecond);
		}
	}

	/** Where the rate limits are kept. */
	public enum Store {
		/** this replica's memory: nothing to set up, limits per replica */
		MEMORY,
		/** Redis: limits for the whole deployment */
		REDIS
	}

	/**
	 * @param capacity burst a client may send at once
	 * @param perSecond tokens added back per second
	 */
	public record Bucket(@DefaultValue("200") int capacity, @DefaultValue("50") double perSecond) {
	}
}
