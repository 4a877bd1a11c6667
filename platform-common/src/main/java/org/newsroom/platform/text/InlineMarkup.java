package org.newsroom.platform.text;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The small inline markup allowed in body text. Stored as typed; parsed the same way by every
 * renderer (docs/articles-api.md gives the grammar to clients):
 *
 * <ul>
 * <li>{@code **bold**} and {@code *italic*} (italic may sit inside bold and bold inside italic,
 * but neither inside itself);</li>
 * <li>{@code [label](https://example.com/path)}: a link whose address is absolute http or https
 * (anything else is rejected when the article is saved); the label may hold bold and italic, not
 * another link;</li>
 * <li>a backslash before one of {@code \ * [ ] ( )} makes that character literal;</li>
 * <li>everything else, including {@code <}, {@code &} and any HTML, is literal text that a
 * renderer escapes. An unmatched marker is literal text too.</li>
 * </ul>
 */
public final class InlineMarkup {

	public static final int MAX_URL_LENGTH = 2000;

	private static final String ESCAPABLE = "\\*[]()";

	private InlineMarkup() {
	}

	public sealed interface Node permits Text, Strong, Emphasis, Link {
	}

	public record Text(String value) implements Node {
	}

	public record Strong(List<Node> children) implements Node {
	}

	public record Emphasis(List<Node> children) implements Node {
	}

	public record Link(String href, List<Node> children) implements Node {
	}

	/** A link whose address is not an absolute http(s) URL. */
	public static final class InvalidLink extends IllegalArgumentException {

		InvalidLink(String message) {
			super(message);
		}
	}

	/** The text's structure; a link to anything but an absolute http(s) URL is an {@link InvalidLink}. */
	public static List<Node> parse(String text) {
		return new Parser(text, true).sequence(null, false, false, false);
	}

	/** For renderers: never throws; a link with a refused address is shown as the literal text. */
	private static List<Node> parseLeniently(String text) {
		return new Parser(text, false).sequence(null, false, false, false);
	}

	/** HTML with every character of the text escaped, and only strong, em and a elements added. */
	public static String toHtml(String text) {
		StringBuilder html = new StringBuilder();
		appendHtml(parseLeniently(text), html);
		return html.toString();
	}

	public static String toPlainText(String text) {
		StringBuilder plain = new StringBuilder();
		appendPlain(parseLeniently(text), plain);
		return plain.toString();
	}

	/** Escapes text for an HTML element or a double- or single-quoted attribute. */
	public static String escapeHtml(String text) {
		StringBuilder out = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

	/** Null when the address is an absolute http(s) URL with a host; otherwise why not. */
	public static String urlProblem(String url) {
		if (url.length() > MAX_URL_LENGTH) {
			return "link address longer than " + MAX_URL_LENGTH + " characters";
		}
		for (int i = 0; i < url.length(); i++) {
			char c = url.charAt(i);
			if (Character.isWhitespace(c) || Character.isISOControl(c) || c == '"' || c == '<' || c == '>'
					|| c == '\\') {
				return "link address contains a character that must be percent-encoded";
			}
		}
		try {
			URI uri = new URI(url);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			if (!scheme.equals("http") && !scheme.equals("https")) {
				return "link address must start with http:// or https://";
			}
			if (uri.getHost() == null || uri.getHost().isEmpty()) {
				return "link address has no host";
			}
			return null;
		}
		catch (URISyntaxException e) {
			return "link address is not a valid URL";
		}
	}

	private static void appendHtml(List<Node> nodes, StringBuilder html) {
		for (Node node : nodes) {
			if (node instanceof Text t) {
				html.append(escapeHtml(t.value()).replace("\n", "<br>"));
			}
			else if (node instanceof Strong s) {
				html.append("<strong>");
				appendHtml(s.children(), html);
				html.append("</strong>");
			}
			else if (node instanceof Emphasis e) {
				html.append("<em>");
				appendHtml(e.children(), html);
				html.append("</em>");
			}
			else if (node instanceof Link l) {
				html.append("<a href=\"").append(escapeHtml(l.href())).append("\" rel=\"nofollow noopener noreferrer\">");
				appendHtml(l.children(), html);
				html.append("</a>");
			}
		}
	}

	private static void appendPlain(List<Node> nodes, StringBuilder plain) {
		for (Node node : nodes) {
			if (node instanceof Text t) {
				plain.append(t.value());
			}
			else if (node instanceof Strong s) {
				appendPlain(s.children(), plain);
			}
			else if (node instanceof Emphasis e) {
				appendPlain(e.children(), plain);
			}
			else if (node instanceof Link l) {
				appendPlain(l.children(), plain);
			}
		}
	}

	/** Recursive descent; an opening marker without its closer is read again as literal text. */
	private static final class Parser {

		private final String text;
		private final boolean strict;
		private int pos;

		Parser(String text, boolean strict) {
			this.text = text;
			this.strict = strict;
		}

		List<Node> sequence(String closer, boolean inStrong, boolean inEmphasis, boolean inLink) {
			List<Node> nodes = new ArrayList<>();
			StringBuilder literal = new StringBuilder();
			while (pos < text.length()) {
				if (closer != null && closes(closer, inStrong)) {
					flush(literal, nodes);
					return nodes;
				}
				char c = text.charAt(pos);
				if (c == '\\' && pos + 1 < text.length() && ESCAPABLE.indexOf(text.charAt(pos + 1)) >= 0) {
					literal.append(text.charAt(pos + 1));
					pos += 2;
					continue;
				}
				Node node = null;
				int start = pos;
				if (text.startsWith("**", pos) && !inStrong) {
					node = delimited("**", inEmphasis, inLink, true);
				}
				else if (c == '*' && !text.startsWith("**", pos) && !inEmphasis) {
					node = delimited("*", inStrong, inLink, false);
				}
				else if (c == '[' && !inLink) {
					node = link(inStrong, inEmphasis);
				}
				if (node != null) {
					flush(literal, nodes);
					nodes.add(node);
				}
				else {
					pos = start;
					int length = text.startsWith("**", pos) ? 2 : 1;
					literal.append(text, pos, pos + length);
					pos += length;
				}
			}
			flush(literal, nodes);
			return closer == null ? nodes : null;
		}

		/**
		 * A closer matches where the text has it, but "*" does not close on the first half of a
		 * "**" that can still open bold (inside bold it cannot, so "***x***" is bold italic).
		 */
		private boolean closes(String closer, boolean inStrong) {
			if (!text.startsWith(closer, pos)) {
				return false;
			}
			return !closer.equals("*") || inStrong || !text.startsWith("**", pos);
		}

		private Node delimited(String marker, boolean inOther, boolean inLink, boolean strong) {
			if (text.indexOf(marker, pos + marker.length()) < 0) {
				return null;
			}
			int start = pos;
			pos += marker.length();
			List<Node> children = strong ? sequence(marker, true, inOther, inLink) : sequence(marker, inOther, true, inLink);
			if (children == null || children.isEmpty()) {
				pos = start;
				return null;
			}
			pos += marker.length();
			return strong ? new Strong(children) : new Emphasis(children);
		}

		private Node link(boolean inStrong, boolean inEmphasis) {
			if (text.indexOf("](", pos + 1) < 0) {
				return null;
			}
			int start = pos;
			pos++;
			List<Node> label = sequence("]", inStrong, inEmphasis, true);
			if (label == null || label.isEmpty() || !text.startsWith("](", pos)) {
				pos = start;
				return null;
			}
			int urlStart = pos + 2;
			int urlEnd = text.indexOf(')', urlStart);
			if (urlEnd < 0) {
				pos = start;
				return null;
			}
			String href = text.substring(urlStart, urlEnd);
			String problem = urlProblem(href);
			if (problem != null && !strict) {
				pos = start;
				return null;
			}
			if (problem != null) {
				throw new InvalidLink(problem + ": '" + abbreviate(href) + "' (write \\[ to show a bracket as text)");
			}
			pos = urlEnd + 1;
			return new Link(href, label);
		}

		private static String abbreviate(String value) {
			return value.length() <= 60 ? value : value.substring(0, 57) + "...";
		}

		private static void flush(StringBuilder literal, List<Node> nodes) {
			if (!literal.isEmpty()) {
				nodes.add(new Text(literal.toString()));
				literal.setLength(0);
			}
		}
	}
}
