package org.newsroom.ranking.view;

/**
 * 64-bit fingerprints for the dedupe memory: a visitor and an article become one {@code long}
 * instead of a string, so a million remembered pairs stay small. Two different pairs share a
 * fingerprint with a probability around n²/2⁶⁵ (about one in 36 million with a million pairs held):
 * the rare effect is one view not counted.
 */
final class Fingerprint {

	private Fingerprint() {
	}

	/** FNV-1a over the characters, finished with a strong mix. */
	static long of(CharSequence text, long seed) {
		long hash = 0xcbf29ce484222325L ^ seed;
		for (int i = 0; i < text.length(); i++) {
			hash ^= text.charAt(i);
			hash *= 0x100000001b3L;
		}
		return finish(hash);
	}

	static long mix(long a, long b) {
		return finish(a ^ Long.rotateLeft(b, 29) ^ 0x9e3779b97f4a7c15L);
	}

	/** An article id (24 hex characters, checked before) without allocating. */
	static long ofArticle(String articleId) {
		long high = Long.parseUnsignedLong(articleId, 0, 8, 16);
		long low = Long.parseUnsignedLong(articleId, 8, 24, 16);
		return mix(high, low);
	}

	/** MurmurHash3's 64-bit finaliser: every input bit affects every output bit. */
	private static long finish(long h) {
		h ^= h >>> 33;
		h *= 0xff51afd7ed558ccdL;
		h ^= h >>> 33;
		h *= 0xc4ceb9fe1a85ec53L;
		h ^= h >>> 33;
		return h;
	}
}
