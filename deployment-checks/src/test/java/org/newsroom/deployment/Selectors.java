package org.newsroom.deployment;

import java.util.Map;

import io.fabric8.kubernetes.api.model.LabelSelector;

/** Label matching as Kubernetes does it, for the selectors these manifests use. */
final class Selectors {

	private Selectors() {
	}

	/** A set-based selector (matchLabels only: the checks refuse what they cannot evaluate). */
	static boolean matches(LabelSelector selector, Map<String, String> labels) {
		if (selector == null) {
			return false;
		}
		if (selector.getMatchExpressions() != null && !selector.getMatchExpressions().isEmpty()) {
			throw new AssertionError("matchExpressions are not evaluated by these checks; use matchLabels: " + selector);
		}
		return matches(selector.getMatchLabels(), labels);
	}

	/** An equality selector: every pair must be among the labels (an empty one matches all). */
	static boolean matches(Map<String, String> selector, Map<String, String> labels) {
		Map<String, String> wanted = selector == null ? Map.of() : selector;
		return wanted.entrySet().stream().allMatch(entry -> entry.getValue().equals(labels.get(entry.getKey())));
	}
}
