package org.newsroom.gateway.contract;

import com.fasterxml.jackson.annotation.JsonValue;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's answer as the gateway reads it ({@code read}) and as it passes it on ({@code json},
 * what this serialises to): a composed page shows apps the services' own JSON, field for field,
 * while the gateway's code reads typed records. Read once, when a page is composed.
 */
@Schema(type = "object", description = "The service's own JSON, passed on as it answered")
public record Answer<T>(T read, JsonNode json) {

	public static <T> Answer<T> of(JsonNode json, Class<T> type, JsonMapper mapper) {
		return new Answer<>(mapper.treeToValue(json, type), json);
	}

	@JsonValue
	@Override
	public JsonNode json() {
		return json;
	}
}
