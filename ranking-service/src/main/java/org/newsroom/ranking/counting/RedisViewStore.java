package org.newsroom.ranking.counting;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import jakarta.annotation.PreDestroy;
import org.newsroom.ranking.config.RankingProperties;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The dedupe memory and the per-address counts that every replica shares, in Redis: keys that
 * expire a window after the first view, written by one Lua script per decision (scripts run
 * atomically, so two replicas deciding the same visitor or address at once are told apart), a
 * round trip per few thousand views.
 *
 * <pre>
 * rankings:seen:&lt;visitor and article fingerprint&gt;  "&lt;replica&gt;:&lt;round&gt;" that took it    expires a window after
 * rankings:addr:&lt;address and article fingerprint&gt;  views counted in the window          expires a window after the first
 * rankings:round:&lt;replica&gt;:&lt;round&gt;                 hash: address key -&gt; views allowed   expires a window after
 * </pre>
 *
 * A round sent again (its answer was lost, Redis went down half-way) finds its own claim on the
 * views it took, and its earlier answer per address in its round hash, instead of taking them for
 * another replica's: nothing decided twice. The round hash lives as long as a window because a
 * round is only sent again while its views wait, and after a window the counts it added are gone
 * too.
 *
 * <p>Lettuce's blocking calls, on the flusher's thread (never an event loop). The client is made
 * on the first decision, so a service with the shared dedupe off never connects; while Redis is
 * down a call fails at once instead of queueing, and the round waits for the next attempt.
 * (Standalone Redis, or Sentinel: the scripts touch keys they are not given as {@code KEYS}, which
 * Redis Cluster does not allow.)
 */
@Component
@ConditionalOnProperty(name = "newsroom.rankings.ingest.shared-store", havingValue = "redis", matchIfMissing = true)
public class RedisViewStore implements SharedViews {

	static final String SEEN = "rankings:seen:";

	static final String ADDRESS = "rankings:addr:";

	static final String ROUND = "rankings:round:";

	/** Fingerprints or address keys per script call: a script holds Redis for its whole run. */
	static final int PER_CALL = 4000;

	/**
	 * ARGV: window (ms), claim, then the fingerprints' keys. Per key: first when this call takes
	 * it, or when it is held by this very claim (an attempt whose answer was lost).
	 */
	private static final String FIRST_VIEWS = """
			local window, claim = ARGV[1], ARGV[2]
			local first = {}
			for i = 3, #ARGV do
			  if redis.call('SET', ARGV[i], claim, 'NX', 'PX', window) or redis.call('GET', ARGV[i]) == claim then
			    first[#first + 1] = 1
			  else
			    first[#first + 1] = 0
			  end
			end
			return first
			""";

	/**
	 * ARGV: window (ms), limit, round hash key, then pairs of address key and views wanted. Per
	 * key: the answer the round got before, or what the limit leaves (0..wanted), added to the
	 * count (a new count expires a window after this first view) and remembered in the round hash.
	 */
	private static final String ALLOW = """
			local window, limit, round = ARGV[1], tonumber(ARGV[2]), ARGV[3]
			local allowed = {}
			for i = 4, #ARGV, 2 do
			  local key, wanted = ARGV[i], tonumber(ARGV[i + 1])
			  local before = redis.call('HGET', round, key)
			  if before then
			    allowed[#allowed + 1] = tonumber(before)
			  else
			    local counted = redis.call('GET', key)
			    local allow = math.max(0, math.min(wanted, limit - (tonumber(counted) or 0)))
			    if allow > 0 then
			      if counted then
			        redis.call('INCRBY', key, allow)
			      else
			        redis.call('SET', key, allow, 'PX', window)
			      end
			    end
			    redis.call('HSET', round, key, allow)
			    allowed[#allowed + 1] = allow
			  end
			end
			if #ARGV >= 4 then
			  redis.call('PEXPIRE', round, window)
			end
			return allowed
			""";

	private final RedisURI uri;
	private final long windowMillis;
	private final int limit;
	private final Duration timeout;

	private RedisClient client;
	private StatefulRedisConnection<String, String> connection;
	private String firstViewsSha;
	private String allowSha;

	public RedisViewStore(@Value("${spring.data.redis.url:redis://localhost:6379}") String url,
			RankingProperties properties) {
		// a malformed address stops the start rather than failing every round
		this.uri = RedisURI.create(url);
		this.windowMillis = properties.ingest().dedupeWindow().toMillis();
		this.limit = properties.ingest().perAddressLimit();
		this.timeout = properties.counting() != null ? properties.counting().storeTimeout() : Duration.ofSeconds(5);
	}

	@Override
	public int limit() {
		return limit;
	}

	/** Connects (the first time) and loads the scripts; a Redis that is down fails the round. */
	@Override
	public synchronized void ensureIndexes() {
		connection();
	}

	/** Nothing: Redis expires the keys itself. */
	@Override
	public void deleteExpired(long nowMillis) {
	}

	@Override
	public boolean[] firstViews(long[] fingerprints, long nowMillis, String claim) {
		boolean[] first = new boolean[fingerprints.length];
		for (int from = 0; from < fingerprints.length; from += PER_CALL) {
			int to = Math.min(fingerprints.length, from + PER_CALL);
			List<String> args = new ArrayList<>(to - from + 2);
			args.add(Long.toString(windowMillis));
			args.add(claim);
			for (int i = from; i < to; i++) {
				args.add(SEEN + fingerprints[i]);
			}
			List<Long> answers = run(true, args);
			for (int i = from; i < to; i++) {
				first[i] = answers.get(i - from) == 1;
			}
		}
		return first;
	}

	@Override
	public void allow(Map<Long, Integer> wanted, Map<Long, Integer> allowed, long nowMillis, String replica,
			long round) {
		List<Long> keys = new ArrayList<>();
		for (Long key : wanted.keySet()) {
			if (!allowed.containsKey(key)) {
				keys.add(key);
			}
		}
		for (int from = 0; from < keys.size(); from += PER_CALL) {
			int to = Math.min(keys.size(), from + PER_CALL);
			List<String> args = new ArrayList<>(2 * (to - from) + 3);
			args.add(Long.toString(windowMillis));
			args.add(Integer.toString(limit));
			args.add(ROUND + replica + ":" + round);
			for (int i = from; i < to; i++) {
				args.add(ADDRESS + keys.get(i));
				args.add(Integer.toString(wanted.get(keys.get(i))));
			}
			List<Long> answers = run(false, args);
			for (int i = from; i < to; i++) {
				allowed.put(keys.get(i), answers.get(i - from).intValue());
			}
		}
	}

	/** One script call by its digest, loading the script again when Redis lost it (a restart). */
	private synchronized List<Long> run(boolean firstViews, List<String> args) {
		String[] values = args.toArray(String[]::new);
		var redis = connection().sync();
		try {
			return redis.evalsha(firstViews ? firstViewsSha : allowSha, ScriptOutputType.MULTI, new String[0], values);
		}
		catch (RedisNoScriptException lost) {
			load(connection);
			return redis.evalsha(firstViews ? firstViewsSha : allowSha, ScriptOutputType.MULTI, new String[0], values);
		}
	}

	private StatefulRedisConnection<String, String> connection() {
		if (connection == null) {
			if (client == null) {
				client = RedisClient.create();
				client.setOptions(ClientOptions.builder()
					// fail at once while Redis is unreachable: the round is kept and sent again
					.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
					.socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
					.timeoutOptions(TimeoutOptions.enabled(timeout))
					.build());
			}
			StatefulRedisConnection<String, String> connected = client.connect(StringCodec.UTF8, uri);
			connected.setTimeout(timeout);
			try {
				load(connected);
			}
			catch (RuntimeException e) {
				connected.close();
				throw e;
			}
			connection = connected;
		}
		return connection;
	}

	private void load(StatefulRedisConnection<String, String> connected) {
		firstViewsSha = connected.sync().scriptLoad(FIRST_VIEWS);
		allowSha = connected.sync().scriptLoad(ALLOW);
	}

	@PreDestroy
	public synchronized void close() {
		if (connection != null) {
			connection.close();
			connection = null;
		}
		if (client != null) {
			client.shutdown();
			client = null;
		}
	}
}
