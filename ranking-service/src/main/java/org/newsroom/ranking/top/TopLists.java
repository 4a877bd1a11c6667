package org.newsroom.ranking.top;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The computed lists of this replica, one per window (or trending) and section, each holding up
 * to 50 entries. Requests only read from here; the {@link TopRefresher} replaces lists whole.
 */
@Component
public class TopLists {

	private record Key(String window, String section) {
	}

	private final Map<Key, TopList> lists = new ConcurrentHashMap<>();

	/** The list, cut to {@code limit}; an empty stale list when none was computed yet. */
	public TopList get(String window, String section, int limit) {
		TopList list = lists.get(new Key(window, section));
		return list != null ? list.first(limit) : TopList.none(window, section);
	}

	void put(TopList list) {
		lists.put(new Key(list.window(), list.section()), list);
	}

	/** The lists of a window could not be refreshed: keep serving them, marked stale. */
	void markStale(String window) {
		lists.replaceAll((key, list) -> key.window().equals(window) ? list.asStale() : list);
	}
}
