package org.newsroom.ranking.top;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The computed lists of this replica, one per window (or trending) and section, each holding up
 * to 50 entries. Requests only read from here; the {@link TopRefresher} replaces lists whole.
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

	private final Map<Key, TopList> lists = new ConcurrentHashMap<>();
	private final Map<Written, Kept> written = new ConcurrentHashMap<>();
	private final JsonMapper json;

	TopLists(JsonMapper json) {
		this.json = json;
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

	void put(TopList list) {
		lists.put(new Key(list.window(), list.section()), list);
	}

	/** The article is not published any more: out of every list now, before the next refresh. */
	public void drop(String articleId) {
		lists.replaceAll((key, list) -> list.without(articleId));
	}

	/** The lists of a window could not be refreshed: keep serving them, marked stale. */
	void markStale(String window) {
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
