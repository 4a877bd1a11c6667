package org.newsroom.article.story;

import java.text.Normalizer;
import java.util.Locale;

/**
 * URL slugs from headlines. Letters and digits of any script are kept (a Korean headline gives a
 * Hangul slug that browsers show as typed), everything else becomes a single hyphen.
 */
final class Slugs {

	static final int MAX_LENGTH = 80;

	private Slugs() {
	}

	static String fromHeadline(String headline) {
		String normal = Normalizer.normalize(headline, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		StringBuilder slug = new StringBuilder();
		boolean hyphen = false;
		for (int i = 0; i < normal.length() && slug.length() < MAX_LENGTH;) {
			int cp = normal.codePointAt(i);
			i += Character.charCount(cp);
			if (Character.isLetterOrDigit(cp)) {
				slug.appendCodePoint(cp);
				hyphen = false;
			}
			else if (!hyphen && !slug.isEmpty()) {
				slug.append('-');
				hyphen = true;
			}
		}
		while (!slug.isEmpty() && slug.charAt(slug.length() - 1) == '-') {
			slug.setLength(slug.length() - 1);
		}
		return slug.isEmpty() ? "article" : slug.toString();
	}
}
