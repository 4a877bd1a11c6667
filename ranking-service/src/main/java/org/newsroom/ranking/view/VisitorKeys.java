package org.newsroom.ranking.view;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.newsroom.ranking.config.RankingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Who is viewing, as a 64-bit key. A visitor id (the page's first-party {@code nr_vid}, sent as
 * header or cookie) is used when present; otherwise the visitor is a keyed hash (HMAC-SHA256)
 * of the client address and the user agent. The address is only ever held as that keyed hash:
 * it is neither stored nor logged, and without the key the hash cannot be turned back into it.
 */
@Component
public class VisitorKeys {

	private static final Logger log = LoggerFactory.getLogger(VisitorKeys.class);

	private static final long VISITOR_ID_SEED = 0x5649534954L;

	private static final long USER_AGENT_SEED = 0x55414745L;

	private final SecretKeySpec key;

	private final ThreadLocal<Mac> macs;

	public VisitorKeys(RankingProperties properties) {
		String configured = properties.ingest().visitorKey();
		byte[] secret;
		if (configured == null || configured.isBlank()) {
			secret = new byte[32];
			new SecureRandom().nextBytes(secret);
			if (properties.ingest().sharedDedupe()) {
				// the shared dedupe and limit compare these hashes across replicas: each would key the same reader apart
				log.warn("No NEWSROOM_RANKINGS_VISITOR_KEY set while the dedupe is shared: this replica hashes client "
						+ "addresses and visitors without an id with its own random key, so other replicas count them "
						+ "apart; give every replica the same key");
			}
			else {
				log.info("No NEWSROOM_RANKINGS_VISITOR_KEY set: visitors without an id are hashed with a random key of this "
						+ "process, so their hashes (like all dedupe memory) last only as long as this process");
			}
		}
		else {
			secret = configured.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		}
		this.key = new SecretKeySpec(secret, "HmacSHA256");
		this.macs = ThreadLocal.withInitial(this::newMac);
	}

	private Mac newMac() {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac;
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
		}
	}

	/** 8 to 64 characters of letters, digits, {@code _} and {@code -} (what the page generates). */
	public static boolean validVisitorId(String id) {
		if (id == null || id.length() < 8 || id.length() > 64) {
			return false;
		}
		for (int i = 0; i < id.length(); i++) {
			char c = id.charAt(i);
			if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
				return false;
			}
		}
		return true;
	}

	public long ofVisitorId(String visitorId) {
		return Fingerprint.of(visitorId, VISITOR_ID_SEED);
	}

	/** The keyed hash of a client address (its raw bytes). */
	public long ofAddress(byte[] address) {
		byte[] digest = macs.get().doFinal(address);
		return ByteBuffer.wrap(digest, 0, 8).getLong();
	}

	/** A visitor without an id: its address (already keyed) together with its user agent. */
	public long ofAddressAndAgent(long addressKey, String userAgent) {
		return Fingerprint.mix(addressKey, Fingerprint.of(userAgent != null ? userAgent : "", USER_AGENT_SEED));
	}
}
