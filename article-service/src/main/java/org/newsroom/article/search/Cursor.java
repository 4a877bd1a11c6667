package org.newsroom.article.search;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.newsroom.article.story.Ids;
import org.newsroom.platform.problem.FieldProblem;
import org.newsroom.platform.problem.Problems;

/**
 * Where the next page starts: the sort key of the last item served. Lists are ordered by
 * ({@code listedAt}, id) descending, searches by (matched terms, {@code listedAt}, id)
 * descending; both keys are fixed once an article is listed, so an article published while a
 * reader pages appears before the cursor and never shifts what comes after it. Opaque to clients
 * (base64url); anything that does not decode is a 400.
 *
 * @param matched for a search: how many query terms the last item matched; -1 for a list
 */
record Cursor(int matched, Instant listedAt, String id) {

	private static final String LIST = "l";
	private static final String SEARCH = "s";

	static Cursor after(Instant listedAt, String id) {
		return new Cursor(-1, listedAt, id);
	}

	boolean forSearch() {
		return matched >= 0;
	}

	String encode() {
		String plain = (forSearch() ? SEARCH + "." + matched : LIST) + "." + listedAt.toEpochMilli() + "." + id;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
	}

	/** The cursor a client sent back, for a list ({@code search} false) or a search. */
	static Cursor decode(String value, boolean search) {
		if (value.length() > 100) {
			throw invalid();
		}
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.US_ASCII).split("\\.", -1);
			boolean isSearch = parts.length == 4 && parts[0].equals(SEARCH);
			boolean isList = parts.length == 3 && parts[0].equals(LIST);
			if (isSearch != search || (!isSearch && !isList)) {
				throw invalid();
			}
			int offset = isSearch ? 2 : 1;
			int matched = isSearch ? Integer.parseInt(parts[1]) : -1;
			long millis = Long.parseLong(parts[offset]);
			String id = parts[offset + 1];
			if ((isSearch && matched < 1) || !Ids.isValid(id)) {
				throw invalid();
			}
			return new Cursor(matched, Instant.ofEpochMilli(millis), id);
		}
		catch (IllegalArgumentException | DateTimeException e) {
			throw invalid();
		}
	}

	private static RuntimeException invalid() {
		return Problems.badRequest("cursor: not a cursor from this list; start again without one",
				List.of(new FieldProblem("cursor", "not a cursor from this list")));
	}
}
