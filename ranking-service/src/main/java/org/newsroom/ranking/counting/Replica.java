package org.newsroom.ranking.counting;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * This process among the replicas writing to the same buckets. Random per start, so a restarted
 * replica never reuses a predecessor's flush sequence numbers.
 */
public record Replica(String id) {

	public static Replica random() {
		byte[] bytes = new byte[6];
		new SecureRandom().nextBytes(bytes);
		// a letter first, so the id is a plain MongoDB field name
		return new Replica("r" + HexFormat.of().formatHex(bytes));
	}
}
