package org.newsroom.gateway.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import org.springframework.web.util.HtmlUtils;

/**
 * Turns article text into HTML. Every character of the text is escaped; only the small inline
 * markup articles may carry becomes tags: {@code **bold**}, {@code *italic*} and
 * {@code [label](https://link)} with http or https links only. Anything else, including any
 * HTML in the text, is shown literally. Unmatched markers stay as typed.
 *
 * <p>The syntax must match what article-service accepts and documents (docs/articles-api.md).
 */
public final class InlineMarkup {

	private InlineMarkup() {
	}

	public static String toHtml(String text) {
		if (text == null || text.isEmpty()) {
			return "";
		}
		StringBuilder html = new StringBuilder(text.length() + 16);
		render(text, html, true);
		return html.toString();
	}

	/** Escapes text for HTML without recognising any markup. */
	public static String escape(String text) {
		return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
	}

	private static void render(String text, StringBuilder html, boolean linksAllowed) {
		int i = 0;
		int length = text.length();
		while (i < length) {
			char c = text.charAt(i);
			if (c == '[' && linksAllowed) {
				int next = link(text, i, html);
				if (next > i) {
					i = next;
					continue;
				}
			}
			if (c == '*' && i + 1 < length && text.charAt(i + 1) == '*') {
				int close = text.indexOf("**", i + 2);
				if (close > i + 2) {
					html.append("<strong>");
					render(text.substring(i + 2, close), html, linksAllowed);
					html.append("</strong>");
					i = close + 2;
					continue;
				}
			}
			else if (c == '*') {
				int close = closingStar(text, i + 1);
				if (close > i + 1) {
					html.append("<em>");
					render(text.substring(i + 1, close), html, linksAllowed);
					html.append("</em>");
					i = close + 1;
					continue;
				}
			}
			html.append(escape(String.valueOf(c)));
			i++;
		}
	}

	/** The next single {@code *} (not part of a {@code **}) after {@code from}, or -1. */
	private static int closingStar(String text, int from) {
		for (int j = from; j < text.length(); j++) {
			if (text.charAt(j) == '*') {
				boolean doubled = j + 1 < text.length() && text.charAt(j + 1) == '*';
				if (!doubled) {
					return j;
				}
				j++;
			}
		}
		return -1;
	}

	/** Renders {@code [label](url)} starting at {@code start}; returns the index after it, or start. */
	private static int link(String text, int start, StringBuilder html) {
		int labelEnd = text.indexOf("](", start + 1);
		if (labelEnd <= start + 1) {
			return start;
		}
		int urlEnd = text.indexOf(')', labelEnd + 2);
		if (urlEnd < 0) {
			return start;
		}
		String label = text.substring(start + 1, labelEnd);
		String url = text.substring(labelEnd + 2, urlEnd);
		if (label.indexOf('[') >= 0 || !isWebLink(url)) {
			return start;
		}
		html.append("<a href=\"").append(escape(url)).append("\" rel=\"nofollow noopener\">");
		render(label, html, false);
		html.append("</a>");
		return urlEnd + 1;
	}

	/** An absolute http or https URL with a host and no spaces or quotes. */
	public static boolean isWebLink(String url) {
		if (url == null || url.isEmpty() || url.length() > 2000) {
			return false;
		}
		for (int i = 0; i < url.length(); i++) {
			char c = url.charAt(i);
			if (Character.isWhitespace(c) || Character.isISOControl(c) || c == '"' || c == '<' || c == '>' || c == '\'') {
				return false;
			}
		}
		try {
			URI uri = new URI(url);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
		}
		catch (URISyntaxException e) {
			return false;
		}
	}
}
