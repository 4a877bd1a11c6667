package org.newsroom.ranking.view;

/** Article ids are MongoDB ObjectIds written as 24 lower-case hex characters. */
final class ArticleIds {

	static final String RULE = "must be an article id (24 hex characters)";

	private ArticleIds() {
	}

	static boolean valid(String id) {
		if (id == null || id.length() != 24) {
			return false;
		}
		for (int i = 0; i < 24; i++) {
			char c = id.charAt(i);
			if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
				return false;
			}
		}
		return true;
	}
}
