package org.newsroom.gateway.edge.limits;

import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanStream;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.newsroom.gateway.edge.EdgeProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The rate limits' state shared by all gateway replicas, in Redis: token buckets handed out in
 * leases by one atomic script ({@link #BUCKET}), the 401 failures of a window and the lock-outs
 * they lead to ({@link #AUTH_FAILURE}), announced to every replica on a pub/sub channel so that
 * each one can refuse a locked-out client from its own memory.
 *
 * <p>Lettuce directly, one connection for the scripts and one for the channel: it connects
 * without blocking (a request thread never waits for a connect), refuses commands at once while
 * disconnected instead of queueing them, and reconnects and re-subscribes by itself. When the
 * store does not answer within {@code storeTimeout}, every caller gets an empty answer and
 * decides alone ({@link ClientLimits} falls back to this replica's buckets); the store is tried
 * again {@code storeRetry} later by one request, and one WARN line and one count of
 * {@code gateway.rate.limits.store.outages} mark each outage. Nothing here ever fails a request.
 */
final class SharedStore implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(SharedStore.class);

	/** Where every replica hears of a new lock-out: "client ttl-in-milliseconds". */
	static final String LOCKOUTS = "newsroom:edge:lockouts";

	static final String LOCKOUT_KEY = "newsroom:edge:lockout:";

	/**
	 * A token bucket in a hash (tokens, last update in µs of the server's clock, so replicas'
	 * clocks never matter). Grants min(wanted, whole tokens held); when none, says in µs when the
	 * next one will be there. The key expires once the bucket would be full again anyway.
	 * KEYS[1] bucket; ARGV capacity, tokens per second, wanted.
	 */
	static final String BUCKET = """
			local capacity = tonumber(ARGV[1])
			local rate = tonumber(ARGV[2])
			local wanted = tonumber(ARGV[3])
			local clock = redis.call('TIME')
			local now = tonumber(clock[1]) * 1000000 + tonumber(clock[2])
			local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
			local tokens = tonumber(state[1]) or capacity
			local at = tonumber(state[2]) or now
			tokens = math.min(capacity, tokens + math.max(0, now - at) * rate / 1000000)
			local granted = math.min(wanted, math.floor(tokens))
			tokens = tokens - granted
			local wait = 0
			if granted == 0 then wait = math.ceil((1 - tokens) * 1000000 / rate) end
			redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
			redis.call('PEXPIRE', KEYS[1], math.ceil(capacity / rate * 1000) + 1000)
			return {granted, wait}
			""";

	/**
	 * Counts a 401: the first of a window starts it (the counter's expiry is the window). From
	 * the threshold on, the client is locked out for the rest of the window: a key every replica
	 * can load, and a message every listening replica gets at once. Answers the lock-out's
	 * milliseconds, 0 while below the threshold.
	 * KEYS[1] failures, KEYS[2] lock-out; ARGV threshold, window in ms, channel, client.
	 */
	static final String AUTH_FAILURE = """
			local failures = redis.call('INCR', KEYS[1])
			if failures == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
			if failures < tonumber(ARGV[1]) then return 0 end
			local left = redis.call('PTTL', KEYS[1])
			if left <= 0 then return 0 end
			redis.call('SET', KEYS[2], '1', 'PX', left)
			redis.call('PUBLISH', ARGV[3], ARGV[4] .. ' ' .. left)
			return left
			""";

	/** Tokens granted from a shared bucket, or the wait until the next one. */
	record Grant(int granted, Duration retryIn) {
	}

	/** A client refused for {@code millis} from now because of its 401s. */
	record Lockout(String client, long millis) {
	}

	private final RedisURI location;
	private final ClientResources resources;
	private final RedisClient client;
	private final Duration timeout;
	private final long retryNanos;
	private final Counter outages;
	private final Counter decidedAlone;
	private final String bucketSha = sha1(BUCKET);
	private final String authFailureSha = sha1(AUTH_FAILURE);

	private final AtomicReference<CompletableFuture<StatefulRedisConnection<String, String>>> connection =
			new AtomicReference<>();
	private final AtomicReference<CompletableFuture<StatefulRedisPubSubConnection<String, String>>> listening =
			new AtomicReference<>();
	private volatile Consumer<Lockout> lockouts = lockout -> {
	};
	/** Whether the store answered last time; changed by compare-and-set, so an outage is logged once. */
	private final AtomicBoolean up = new AtomicBoolean(true);
	private volatile boolean closed;
	private final AtomicLong retryAt = new AtomicLong();

	SharedStore(RedisURI location, EdgeProperties.RateLimits settings, MeterRegistry registry) {
		this.location = location;
		this.timeout = settings.storeTimeout();
		this.retryNanos = settings.storeRetry().toNanos();
		// the connection's own handshake and the lock-out load may take longer than a request may
		// wait (a busy replica starting up); a request's call is cut at storeTimeout in call()
		location.setTimeout(settings.storeRetry().plusSeconds(1));
		this.resources = ClientResources.builder()
			// back soon after the store is: the default backs off to 30 s
			.reconnectDelay(Delay.exponential(Duration.ofMillis(50), settings.storeRetry(), 2, TimeUnit.MILLISECONDS))
			.build();
		this.client = RedisClient.create(resources);
		client.setOptions(ClientOptions.builder()
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.socketOptions(SocketOptions.builder().connectTimeout(settings.storeRetry()).build())
			.build());
		// a replica that was cut off may have missed announcements: it reloads them on every (re)connect
		client.addListener(new RedisConnectionStateListener() {
			@Override
			public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress address) {
				if (connection instanceof StatefulRedisPubSubConnection<?, ?>) {
					loadLockouts();
				}
			}
		});
		this.outages = Counter.builder("gateway.rate.limits.store.outages")
			.description("Times the rate limits' shared store stopped answering (limits then held per replica)")
			.register(registry);
		this.decidedAlone = Counter.builder("gateway.rate.limits.local.decisions")
			.description("Rate-limit decisions a replica took alone because the shared store did not answer")
			.register(registry);
		Gauge.builder("gateway.rate.limits.shared", up, shared -> shared.get() ? 1 : 0)
			.description("1 while the rate limits hold for all replicas, 0 while each replica limits alone")
			.register(registry);
	}

	/** Starts listening for lock-outs (and loads the current ones once connected). */
	void start(Consumer<Lockout> lockouts) {
		this.lockouts = lockouts;
		listen();
	}

	/**
	 * Whether a caller should go to the store: it answered last time, or it is time to try it
	 * again. Looks only; {@link #call} claims the retry.
	 */
	boolean answering() {
		return up.get() || System.nanoTime() - retryAt.get() >= 0;
	}

	/** Notes a decision this replica took alone while the store was away. */
	void decidedAlone() {
		decidedAlone.increment();
	}

	/** Takes up to {@code wanted} tokens of a shared bucket; empty when the store does not answer. */
	Mono<Grant> take(String key, EdgeProperties.Bucket bucket, int wanted) {
		return this.<List<Long>>call(commands -> script(commands, bucketSha, BUCKET, ScriptOutputType.MULTI,
				new String[] { key }, Integer.toString(bucket.capacity()), Double.toString(bucket.perSecond()),
				Integer.toString(wanted)))
			.map(answer -> new Grant(answer.get(0).intValue(), Duration.ofNanos(answer.get(1) * 1000)));
	}

	/**
	 * Counts a 401 of the client; the lock-out's length when this one reached the threshold (0
	 * before), empty when the store does not answer.
	 */
	Mono<Long> authFailure(String clientKey, int threshold, Duration window) {
		return call(commands -> script(commands, authFailureSha, AUTH_FAILURE, ScriptOutputType.INTEGER,
				new String[] { "newsroom:edge:auth-failures:{" + clientKey + "}", LOCKOUT_KEY + "{" + clientKey + "}" },
				Integer.toString(threshold), Long.toString(window.toMillis()), LOCKOUTS, clientKey));
	}

	private <T> Mono<T> call(Function<RedisAsyncCommands<String, String>, CompletableFuture<T>> command) {
		if (!up.get()) {
			long at = retryAt.get();
			if (System.nanoTime() - at < 0 || !retryAt.compareAndSet(at, System.nanoTime() + retryNanos)) {
				return Mono.empty();
			}
		}
		return Mono.fromFuture(() -> connection().thenCompose(connected -> command.apply(connected.async())))
			.timeout(timeout)
			.doOnNext(answer -> answered())
			.onErrorResume(error -> {
				failed(error);
				return Mono.empty();
			});
	}

	/** EVALSHA, and EVAL once when the store does not know the script (yet, or after a restart). */
	private static <T> CompletableFuture<T> script(RedisAsyncCommands<String, String> commands, String sha,
			String script, ScriptOutputType type, String[] keys, String... args) {
		return commands.<T>evalsha(sha, type, keys, args).toCompletableFuture()
			.exceptionallyCompose(error -> error instanceof RedisNoScriptException
					|| error.getCause() instanceof RedisNoScriptException
							? commands.<T>eval(script, type, keys, args).toCompletableFuture()
							: CompletableFuture.failedFuture(error));
	}

	private CompletableFuture<StatefulRedisConnection<String, String>> connection() {
		CompletableFuture<StatefulRedisConnection<String, String>> current = connection.get();
		if (current != null && !current.isCompletedExceptionally()) {
			return current;
		}
		CompletableFuture<StatefulRedisConnection<String, String>> next = client
			.connectAsync(StringCodec.UTF8, location).toCompletableFuture();
		if (connection.compareAndSet(current, next)) {
			return next;
		}
		next.thenAccept(StatefulRedisConnection::close);
		return connection.get();
	}

	/** Subscribes to the lock-out announcements; once subscribed, Lettuce keeps it through reconnects. */
	private void listen() {
		CompletableFuture<StatefulRedisPubSubConnection<String, String>> current = listening.get();
		if (current != null && !current.isCompletedExceptionally()) {
			return;
		}
		CompletableFuture<StatefulRedisPubSubConnection<String, String>> next = client
			.connectPubSubAsync(StringCodec.UTF8, location).toCompletableFuture();
		if (!listening.compareAndSet(current, next)) {
			next.thenAccept(StatefulRedisPubSubConnection::close);
			return;
		}
		next.thenCompose(pubSub -> {
			pubSub.addListener(new RedisPubSubAdapter<>() {
				@Override
				public void message(String channel, String message) {
					int space = message.lastIndexOf(' ');
					try {
						lockouts.accept(new Lockout(message.substring(0, space), Long.parseLong(message.substring(space + 1))));
					}
					catch (RuntimeException e) {
						log.debug("Not a lock-out announcement: {}", message);
					}
				}
			});
			return pubSub.async().subscribe(LOCKOUTS).toCompletableFuture();
		}).whenComplete((subscribed, error) -> {
			if (error != null) {
				// not subscribed: the next answer of the store after this outage tries again
				failed(error);
			}
			else {
				loadLockouts();
			}
		});
	}

	/** The lock-outs in force, for a replica that starts or comes back: each key's time to live. */
	private void loadLockouts() {
		// a future of its own: cancelling this load must never cancel the shared connection
		Mono.fromFuture(() -> connection().thenApply(connected -> connected))
			.flatMapMany(connected -> ScanStream
				.scan(connected.reactive(), ScanArgs.Builder.matches(LOCKOUT_KEY + "*").limit(500))
				.flatMap(key -> connected.reactive().pttl(key).map(left -> new Lockout(clientOf(key), left))))
			.filter(lockout -> lockout.millis() > 0)
			.subscribe(lockout -> lockouts.accept(lockout),
					error -> log.debug("Could not load the lock-outs from the shared store: {}", error.toString()));
	}

	private static String clientOf(String lockoutKey) {
		return lockoutKey.substring(LOCKOUT_KEY.length() + 1, lockoutKey.length() - 1);
	}

	private void answered() {
		if (!up.get() && up.compareAndSet(false, true)) {
			log.info("The rate limits' shared store at {} answers again: limits hold for all replicas", where());
			listen();
			loadLockouts();
		}
	}

	private void failed(Throwable error) {
		retryAt.set(System.nanoTime() + retryNanos);
		if (up.compareAndSet(true, false) && !closed) {
			outages.increment();
			log.warn("The rate limits' shared store at {} does not answer ({}): each replica limits clients alone "
					+ "until it does", where(), error.toString());
		}
	}

	private String where() {
		return location.getHost() + ":" + location.getPort();
	}

	@Override
	public void close() {
		closed = true;
		CompletableFuture<StatefulRedisConnection<String, String>> commands = connection.get();
		if (commands != null) {
			commands.thenAccept(StatefulRedisConnection::close);
		}
		CompletableFuture<StatefulRedisPubSubConnection<String, String>> pubSub = listening.get();
		if (pubSub != null) {
			pubSub.thenAccept(StatefulRedisPubSubConnection::close);
		}
		client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
		resources.shutdown(0, 2, TimeUnit.SECONDS);
	}

	private static String sha1(String script) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(script.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
