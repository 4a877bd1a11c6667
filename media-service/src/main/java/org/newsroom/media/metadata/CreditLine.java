package org.newsroom.media.metadata;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A photo credit as it was given ({@code raw}) and as readers see it ({@code display}), the one
 * place where credits are normalised.
 *
 * <p>The display form follows the house style of the seed page, {@code Reuters-Yonhap}: the
 * parties of a credit joined by a bare hyphen. Normalising changes only spacing and separators,
 * never the names: no agency is renamed, re-cased, added or dropped.
 * <ul>
 * <li>runs of whitespace (including no-break and ideographic spaces, tabs, line breaks) become one
 * space; the ends are trimmed;</li>
 * <li>a separator between parties, that is a slash, a vertical bar, an en or em dash, a
 * full-width slash, or a hyphen with a space on either side, with any spaces around it, becomes
 * one hyphen: {@code REUTERS / Yonhap} → {@code REUTERS-Yonhap}, {@code Reuters – Yonhap} →
 * {@code Reuters-Yonhap};</li>
 * <li>a hyphen inside a name stays as it is ({@code Agence France-Presse});</li>
 * <li>separators left dangling at either end are dropped.</li>
 * </ul>
 */
public record CreditLine(String raw, String display) {

	/** Separator characters and the spaces around them, as maximal runs. */
	private static final Pattern SEPARATOR_RUN = Pattern.compile("[ /|\\u2013\\u2014\\uFF0F-]+");

	private static final Pattern SEPARATOR_CHARACTER = Pattern.compile("[/|\\u2013\\u2014\\uFF0F-]");

	/** The credit line for a given value, or null when there is no credit in it. */
	public static CreditLine of(String given) {
		String raw = MetadataText.line(given);
		if (raw == null) {
			return null;
		}
		String display = normalise(raw);
		return display.isEmpty() ? null : new CreditLine(raw, display);
	}

	/** What listing filters compare: the display form, case-insensitively. */
	public static String key(String given) {
		CreditLine line = of(given);
		return line == null ? null : line.key();
	}

	public String key() {
		return display.toLowerCase(Locale.ROOT);
	}

	static String normalise(String oneLine) {
		Matcher runs = SEPARATOR_RUN.matcher(oneLine);
		StringBuilder out = new StringBuilder();
		while (runs.find()) {
			String run = runs.group();
			String replacement;
			if (run.equals("-")) {
				replacement = "-";
			}
			else if (SEPARATOR_CHARACTER.matcher(run).find()) {
				replacement = "-";
			}
			else {
				replacement = " ";
			}
			runs.appendReplacement(out, replacement);
		}
		runs.appendTail(out);
		String joined = out.toString();
		int start = 0;
		int end = joined.length();
		while (start < end && (joined.charAt(start) == '-' || joined.charAt(start) == ' ')) {
			start++;
		}
		while (end > start && (joined.charAt(end - 1) == '-' || joined.charAt(end - 1) == ' ')) {
			end--;
		}
		return joined.substring(start, end);
	}
}
