package org.newsroom.ranking.top;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The lists this replica serves, one per window (or trending) and section, each holding up to 50
 * entries: the stored lists of the whole deployment as {@link SharedLists} last loaded them.
 * Requests only read from here; lists are replaced whole.
 * Each list is kept also as the JSON readers get, per {@code limit} asked, with its ETag, made once
 * per refresh rather than for every read: the Top 10 is read on every page view.
 */
@Component
public class TopLists {

	private record Key(String window, String section) {
	}

	private record Written(String window, String section, int limit) {
	}

	/** A list as readers get it. */
	public record Json(byte[] body, String etag) {
	}

	/** The JSON of one list object (lists are replaced whole, never changed). */
	private record Kept(TopList from, Json json) {
	}

	/**
	 * How much later than a list's computation a withdrawal seen here may have happened and still
	 * be missed by it: the replicas' clocks (NTP) agree far closer than this.
	 */
	static final Duration CLOCK_MARGIN = Duration.ofSeconds(2);

	private final Map<Key, TopList> lists = new ConcurrentHashMap<>();
	private final Map<Written, Kept> written = new ConcurrentHashMap<>();
	/** Articles withdrawn since (about) the oldest list held was computed, and when this replica heard of it. */
	private final Map<String, Instant> dropped = new ConcurrentHashMap<>();
	private final JsonMapper json;
	private final Clock clock;

	TopLists(JsonMapper json, Clock clock) {
		this.json = json;
		this.clock = clock;
	}

	/** The list, cut to {@code limit}; an empty stale list when none was computed yet. */
	public TopList get(String window, String section, int limit) {
		TopList list = lists.get(new Key(window, section));
		return list != null ? list.first(limit) : TopList.none(window, section);
	}

	/** The same, as readers get it: written once per list (and limit), then kept until it is replaced. */
	public Json json(String window, String section, int limit) {
		TopList current = lists.get(new Key(window, section));
		Written key = new Written(window, section, limit);
		Kept kept = written.get(key);
		if (kept != null && kept.from() == current) {
			return kept.json();
		}
		Json json = write(current != null ? current.first(limit) : TopList.none(window, section));
		written.put(key, new Kept(current, json));
		return json;
	}

	/**
	 * Serves a window's lists as stored. An article withdrawn after (or about when) they were
	 * computed is left out: another replica may have computed them just before the withdrawal
	 * and this one heard of it before loading them. Such a withdrawal is forgotten once every
	 * list held was computed after it.
	 */
	synchronized void install(String window, StoredLists.StoredWindow stored) {
		for (TopList list : stored.lists()) {
			TopList kept = list;
			for (Map.Entry<String, Instant> drop : dropped.entrySet()) {
				if (list.generatedAt() == null || !drop.getValue().plus(CLOCK_MARGIN).isBefore(list.generatedAt())) {
					kept = kept.without(drop.getKey());
				}
			}
			lists.put(new Key(window, list.section()), kept);
		}
		if (stored.stale()) {
			markStale(window);
		}
		Instant oldest = null;
		for (TopList list : lists.values()) {
			if (list.generatedAt() == null) {
				return;
			}
			oldest = oldest == null || list.generatedAt().isBefore(oldest) ? list.generatedAt() : oldest;
		}
		if (oldest != null) {
			Instant computedAfter = oldest.minus(CLOCK_MARGIN);
			dropped.values().removeIf(at -> at.isBefore(computedAfter));
		}
	}

	/** The article is not published any more: out of every list now, before the next refresh. */
	public synchronized void drop(String articleId) {
		dropped.put(articleId, clock.instant());
		lists.replaceAll((key, list) -> list.without(articleId));
	}

	/**
	 * The article is published (again, or still): lists computed before a withdrawal of it need
	 * not leave it out any more.
	 */
	public synchronized void published(String articleId) {
		dropped.remove(articleId);
	}

	/** The lists of a window could not be refreshed (or loaded): keep serving them, marked stale. */
	synchronized void markStale(String window) {
		lists.replaceAll((key, list) -> key.window().equals(window) ? list.asStale() : list);
	}

	private Json write(TopList list) {
		byte[] body = json.writeValueAsBytes(list);
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
			return new Json(body, "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
		}
	}
}
