package org.newsroom.media.metadata;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Cleans text from files and forms the same way: Unicode NFC (a Hangul caption typed on a Mac
 * and one typed on Windows compare equal), no control characters (files carry NULs and stray
 * escapes), Windows line ends made plain, and blank treated as absent.
 */
public final class MetadataText {

	private static final Pattern CONTROLS = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]");

	private static final Pattern ANY_WHITESPACE = Pattern.compile("[\\s\\p{Z}]+");

	private MetadataText() {
	}

	/** A caption or usage terms: line breaks kept. Null when blank. */
	public static String paragraph(String value) {
		if (value == null) {
			return null;
		}
		String text = Normalizer.normalize(value, Normalizer.Form.NFC).replace("\r\n", "\n").replace('\r', '\n');
		text = CONTROLS.matcher(text).replaceAll("").strip();
		return text.isEmpty() ? null : text;
	}

	/** A credit, name or notice: one line, runs of any whitespace made one space. Null when blank. */
	public static String line(String value) {
		String text = paragraph(value);
		if (text == null) {
			return null;
		}
		text = ANY_WHITESPACE.matcher(text).replaceAll(" ").strip();
		return text.isEmpty() ? null : text;
	}
}
