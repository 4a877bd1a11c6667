package org.newsroom.platform.test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Query strings no form sends but any client may (a property-based API fuzzer does): parameter
 * names and values of random code points from every plane, each encoded as UTF-8 and then
 * percent-encoded byte by byte, so that every one is a valid request target carrying valid UTF-8.
 * They include the noncharacters (U+FFFF, U+FFFE, U+10FFFF, U+FDD0), code points no version of
 * Unicode has assigned yet (U+40000, U+9EF5F), private use, controls, and the characters that give a
 * query its structure ({@code & = + % #}), beside the service's own parameter names.
 *
 * <p>The contract (docs/architecture.md, "Errors"): whatever the query, the answer is a 2xx or a
 * 4xx problem document, never a 5xx.
 */
public final class OddQueryStrings {

	/** The code points that broke services before (issue 18), and their neighbours. */
	private static final int[] NOTABLE = { 0xFFFF, 0xFFFE, 0x10FFFF, 0x10FFFE, 0x1FFFF, 0x40000, 0xF0000, 0x9EF5F,
			0xFDD0, 0xFDEF, 0xFEFF, 0xE000, 0x1F600, 0xAC00, 0x2028, 0x0, 0x1F, 0x7F, 0x85, '&', '=', '+', '%', '#',
			'[', ']', '$', '.', ' ', '"', '<', '\\' };

	private OddQueryStrings() {
	}

	/**
	 * {@code count} query strings (without the {@code ?}), from {@code seed}; one in four
	 * parameters takes one of {@code knownNames} and an odd value.
	 */
	public static List<String> random(long seed, int count, List<String> knownNames) {
		Random random = new Random(seed);
		List<String> queries = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			StringBuilder query = new StringBuilder();
			int parameters = 1 + random.nextInt(3);
			for (int p = 0; p < parameters; p++) {
				if (p > 0) {
					query.append('&');
				}
				String name = !knownNames.isEmpty() && random.nextInt(4) == 0
						? knownNames.get(random.nextInt(knownNames.size())) : encoded(text(random));
				query.append(name).append('=');
				if (random.nextInt(5) > 0) {
					query.append(encoded(text(random)));
				}
			}
			queries.add(query.toString());
		}
		return queries;
	}

	/**
	 * Sends {@code GET path?query} for each query, byte for byte, and asserts each answer is a 2xx
	 * or a 4xx problem document (a 304 is a 2xx's revalidation and has no body).
	 */
	public static void assertNeverAServerError(int port, String path, List<String> queries) throws IOException {
		for (String query : queries) {
			String answer = RawHttp.send(port,
					"GET " + path + "?" + query + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
			String status = answer.length() >= 12 ? answer.substring(9, 12) : answer;
			assertThat(status).as("GET %s?%s answered:%n%s", path, query, answer).matches("2\\d\\d|304|4\\d\\d");
			if (status.startsWith("4")) {
				assertThat(answer.toLowerCase(Locale.ROOT)).as("GET %s?%s answered:%n%s", path, query, answer)
					.contains("content-type: application/problem+json");
			}
		}
	}

	/** One to six code points. */
	private static String text(Random random) {
		StringBuilder text = new StringBuilder();
		int length = 1 + random.nextInt(6);
		for (int i = 0; i < length; i++) {
			text.appendCodePoint(codePoint(random));
		}
		return text.toString();
	}

	/** Any code point UTF-8 can carry (every one but the surrogates), notable ones more often. */
	private static int codePoint(Random random) {
		return switch (random.nextInt(4)) {
			case 0 -> NOTABLE[random.nextInt(NOTABLE.length)];
			case 1 -> 0x20 + random.nextInt(0x5F);
			case 2 -> {
				int c = random.nextInt(0x10000 - 0x800);
				yield c < 0xD800 ? c : c + 0x800;
			}
			default -> 0x10000 + random.nextInt(0x100000);
		};
	}

	private static String encoded(String text) {
		StringBuilder encoded = new StringBuilder();
		for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
			encoded.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xFF));
		}
		return encoded.toString();
	}
}
