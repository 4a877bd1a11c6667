package org.newsroom.gateway.desk;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Word-level differences between two texts, and the alignment of two lists it rests on (a
 * longest common subsequence). Words are runs of letters, marks and digits of any script, so a
 * Korean word (어절) with a changed particle shows as that word replaced, and spaces and
 * punctuation are pieces of their own.
 */
final class WordDiff {

	/**
	 * Above this many comparison cells (words before × words after, once the common beginning
	 * and end are set aside) the middle is shown as removed and added whole: the table would
	 * take more memory than a page should. A paragraph of 700 words against another fits.
	 */
	static final int MAX_CELLS = 2_000_000;

	private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+|\\s+|.", Pattern.DOTALL);

	enum Kind {
		SAME, REMOVED, ADDED
	}

	/** A run of text that both versions have, or only the older ({@code REMOVED}), or only the newer. */
	record Piece(Kind kind, String text) {

		/** Public: the templates ask. */
		public boolean removed() {
			return kind == Kind.REMOVED;
		}

		public boolean added() {
			return kind == Kind.ADDED;
		}

		public boolean same() {
			return kind == Kind.SAME;
		}
	}

	/** One item of an alignment: kept, only in the older list, or only in the newer. */
	record Step<T>(Kind kind, T item) {
	}

	private WordDiff() {
	}

	/** The pieces that turn {@code before} into {@code after}; null counts as no text. */
	static List<Piece> words(String before, String after) {
		List<Step<String>> steps = align(tokens(before), tokens(after));
		List<Piece> pieces = new ArrayList<>();
		for (Step<String> step : steps) {
			pieces.add(new Piece(step.kind(), step.item()));
		}
		return tidy(pieces);
	}

	/** The items of two lists (tags, bylines) as pieces, separated by {@code ", "}. */
	static List<Piece> items(List<String> before, List<String> after) {
		List<Piece> pieces = new ArrayList<>();
		for (Step<String> step : align(before, after)) {
			if (!pieces.isEmpty()) {
				pieces.add(new Piece(Kind.SAME, ", "));
			}
			pieces.add(new Piece(step.kind(), step.item()));
		}
		return merged(pieces);
	}

	/**
	 * Aligns two lists: a longest common subsequence is kept, the rest of {@code before} is
	 * removed and the rest of {@code after} added, removals before additions at each place.
	 */
	static <T> List<Step<T>> align(List<T> before, List<T> after) {
		int start = 0;
		while (start < before.size() && start < after.size() && Objects.equals(before.get(start), after.get(start))) {
			start++;
		}
		int endBefore = before.size();
		int endAfter = after.size();
		while (endBefore > start && endAfter > start && Objects.equals(before.get(endBefore - 1), after.get(endAfter - 1))) {
			endBefore--;
			endAfter--;
		}
		List<Step<T>> steps = new ArrayList<>();
		for (int i = 0; i < start; i++) {
			steps.add(new Step<>(Kind.SAME, before.get(i)));
		}
		List<T> a = before.subList(start, endBefore);
		List<T> b = after.subList(start, endAfter);
		if ((long) a.size() * b.size() > MAX_CELLS) {
			a.forEach(item -> steps.add(new Step<>(Kind.REMOVED, item)));
			b.forEach(item -> steps.add(new Step<>(Kind.ADDED, item)));
		}
		else {
			steps.addAll(middle(a, b));
		}
		for (int i = endBefore; i < before.size(); i++) {
			steps.add(new Step<>(Kind.SAME, before.get(i)));
		}
		return steps;
	}

	/** The classic table: {@code common[i][j]} is the longest common subsequence of a[i..] and b[j..]. */
	private static <T> List<Step<T>> middle(List<T> a, List<T> b) {
		int n = a.size();
		int m = b.size();
		int[][] common = new int[n + 1][m + 1];
		for (int i = n - 1; i >= 0; i--) {
			for (int j = m - 1; j >= 0; j--) {
				common[i][j] = Objects.equals(a.get(i), b.get(j)) ? common[i + 1][j + 1] + 1
						: Math.max(common[i + 1][j], common[i][j + 1]);
			}
		}
		List<Step<T>> steps = new ArrayList<>();
		List<Step<T>> added = new ArrayList<>();
		int i = 0;
		int j = 0;
		while (i < n || j < m) {
			if (i < n && j < m && Objects.equals(a.get(i), b.get(j))) {
				steps.addAll(added);
				added.clear();
				steps.add(new Step<>(Kind.SAME, a.get(i)));
				i++;
				j++;
			}
			else if (j < m && (i == n || common[i][j + 1] >= common[i + 1][j])) {
				// held back so that, at each place, what went comes before what replaced it
				added.add(new Step<>(Kind.ADDED, b.get(j)));
				j++;
			}
			else {
				steps.add(new Step<>(Kind.REMOVED, a.get(i)));
				i++;
			}
		}
		steps.addAll(added);
		return steps;
	}

	private static List<String> tokens(String text) {
		List<String> tokens = new ArrayList<>();
		if (text != null) {
			Matcher matcher = TOKEN.matcher(text);
			while (matcher.find()) {
				tokens.add(matcher.group());
			}
		}
		return tokens;
	}

	/**
	 * Reads as a person would write it: within a stretch of changes, a space or a lone punctuation
	 * mark the two versions happen to share is not shown as kept ("a b" to "x y" is "a b" replaced
	 * by "x y", not three changes around a kept space); then all that went, then all that came.
	 */
	private static List<Piece> tidy(List<Piece> pieces) {
		List<Piece> out = new ArrayList<>();
		StringBuilder removed = new StringBuilder();
		StringBuilder added = new StringBuilder();
		for (int k = 0; k < pieces.size(); k++) {
			Piece piece = pieces.get(k);
			boolean inChange = removed.length() > 0 || added.length() > 0;
			if (piece.same() && !(inChange && isFiller(piece.text()) && changeFollows(pieces, k))) {
				flush(out, removed, added);
				out.add(piece);
			}
			else {
				if (piece.kind() != Kind.ADDED) {
					removed.append(piece.text());
				}
				if (piece.kind() != Kind.REMOVED) {
					added.append(piece.text());
				}
			}
		}
		flush(out, removed, added);
		return merged(out);
	}

	private static boolean isFiller(String text) {
		return text.isBlank() || text.length() == 1 && !Character.isLetterOrDigit(text.codePointAt(0));
	}

	private static boolean changeFollows(List<Piece> pieces, int k) {
		for (int next = k + 1; next < pieces.size(); next++) {
			if (!pieces.get(next).same()) {
				return true;
			}
			if (!isFiller(pieces.get(next).text())) {
				return false;
			}
		}
		return false;
	}

	private static void flush(List<Piece> out, StringBuilder removed, StringBuilder added) {
		if (removed.length() > 0) {
			out.add(new Piece(Kind.REMOVED, removed.toString()));
		}
		if (added.length() > 0) {
			out.add(new Piece(Kind.ADDED, added.toString()));
		}
		removed.setLength(0);
		added.setLength(0);
	}

	private static List<Piece> merged(List<Piece> pieces) {
		List<Piece> out = new ArrayList<>();
		for (Piece piece : pieces) {
			if (piece.text().isEmpty()) {
				continue;
			}
			Piece last = out.isEmpty() ? null : out.get(out.size() - 1);
			if (last != null && last.kind() == piece.kind()) {
				out.set(out.size() - 1, new Piece(piece.kind(), last.text() + piece.text()));
			}
			else {
				out.add(piece);
			}
		}
		return out;
	}
}
