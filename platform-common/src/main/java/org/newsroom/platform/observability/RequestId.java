package org.newsroom.platform.observability;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The id that follows one client request through the gateway and every service it touches:
 * header {@code X-Request-Id}, MDC key {@code requestId}. A value a client sends is kept only
 * when it is short and plain, so it cannot forge log lines or blow up headers.
 */
public final class RequestId {

	public static final String HEADER = "X-Request-Id";

	public static final String MDC_KEY = "requestId";

	/** Key of the id in a reactive request's Reactor context and exchange attributes. */
	public static final String CONTEXT_KEY = RequestId.class.getName();

	private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{8,128}");

	private RequestId() {
	}

	public static boolean isValid(String candidate) {
		return candidate != null && ACCEPTED.matcher(candidate).matches();
	}

	/** The client's id when it is acceptable, otherwise a new one. */
	public static String acceptOrGenerate(String candidate) {
		return isValid(candidate) ? candidate : generate();
	}

	/**
	 * A random (version 4) UUID. Request ids name requests in logs; they are not secrets, so they
	 * come from the thread's own generator rather than the shared {@code SecureRandom} that
	 * {@link UUID#randomUUID()} serialises every request thread on.
	 */
	public static String generate() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long high = (random.nextLong() & ~0xF000L) | 0x4000L;
		long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
		return new UUID(high, low).toString();
	}
}
