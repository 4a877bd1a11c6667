package org.newsroom.e2e;

import java.util.Set;
import java.util.function.Consumer;

/**
 * One row of the hostile-input table: what is sent, which statuses the contract allows, what
 * kind of body must come back, which service's store must be unchanged afterwards, and any
 * further check on the answer.
 */
record HostileCase(String category, String name, HostileRequest request, Set<Integer> statuses, Body body,
		String store, Consumer<Client.Response> also) {

	/** What the body must be: a problem document, an HTML page, JSON, or (for 2xx reads) any. */
	enum Body {
		PROBLEM, HTML, JSON, ANY
	}

	HostileCase also(Consumer<Client.Response> check) {
		Consumer<Client.Response> before = also;
		return new HostileCase(category, name, request, statuses, body, store, before == null ? check
				: before.andThen(check));
	}

	@Override
	public String toString() {
		return "[" + category + "] " + name + " -> " + statuses;
	}
}
