package org.newsroom.gateway.web;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The article's schema.org JSON-LD, made safe to place inside a {@code <script>} element:
 * article-service may send it as an object or as a JSON string; either way it is re-serialised,
 * and {@code <}, {@code >} and {@code &} are written as JSON unicode escapes so no text in it can
 * close the element or open markup.
 */
final class JsonLd {

	private JsonLd() {
	}

	static String script(JsonNode jsonLd, JsonMapper json) {
		JsonNode value = jsonLd;
		if (value == null || value.isMissingNode() || value.isNull()) {
			return null;
		}
		if (value.isString()) {
			try {
				value = json.readTree(value.asString());
			}
			catch (JacksonException e) {
				return null;
			}
		}
		if (!value.isObject() && !value.isArray()) {
			return null;
		}
		return json.writeValueAsString(value)
			.replace("<", "\\u003c")
			.replace(">", "\\u003e")
			.replace("&", "\\u0026")
			.replace("\u2028", "\\u2028")
			.replace("\u2029", "\\u2029");
	}
}
