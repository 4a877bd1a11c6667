package org.newsroom.deployment;

import java.util.List;
import java.util.Map;

/** Reads nested values out of what SnakeYAML loads (maps, lists and scalars). */
final class YamlTree {

	private YamlTree() {
	}

	static Object at(Object tree, String... path) {
		Object current = tree;
		for (String key : path) {
			if (!(current instanceof Map<?, ?> map)) {
				return null;
			}
			current = map.get(key);
		}
		return current;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object tree, String... path) {
		Object value = at(tree, path);
		return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
	}

	@SuppressWarnings("unchecked")
	static List<Object> list(Object tree, String... path) {
		Object value = at(tree, path);
		return value instanceof List<?> list ? (List<Object>) list : List.of();
	}
}
