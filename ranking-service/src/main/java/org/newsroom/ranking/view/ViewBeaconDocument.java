package org.newsroom.ranking.view;

import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.CookieParameter;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.newsroom.platform.openapi.ProblemAnswers;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.stereotype.Component;

/**
 * {@code POST /api/rankings/views} in the API document. The beacon is served by {@link ViewBeacon}
 * (and {@link BeaconFastPath}) ahead of the controllers, so springdoc cannot see it; this states
 * what they accept and answer.
 */
@Component
class ViewBeaconDocument implements OpenApiCustomizer {

	private static final String VISITOR_ID = "^[A-Za-z0-9_-]{8,64}$";

	@Override
	public void customise(OpenAPI api) {
		ObjectSchema body = new ObjectSchema();
		body.addProperty("articleId", new StringSchema().pattern("^[0-9a-f]{24}$").example("6752a1f0c3b9e54d2a1b7c90"));
		body.setRequired(List.of("articleId"));
		body.setMaxProperties(1);
		ApiResponses responses = new ApiResponses().addApiResponse("202",
				new ApiResponse().description("Accepted: counted, unless it repeats this visitor's view of the article "
						+ "within half an hour, comes from a bot, or the article is not published; no body"));
		for (int status : new int[] { 400, 413, 429, 503 }) {
			responses.addApiResponse(String.valueOf(status), ProblemAnswers.problem(status));
		}
		Operation beacon = new Operation().operationId("recordView")
			.summary("Count a reader's page view (the beacon)")
			.description("Sent by every article page, also with `navigator.sendBeacon` (which sends `text/plain`): "
					+ "the body is read as JSON whatever its declared type, at most " + ViewBeacon.MAX_BODY
					+ " bytes. Anonymous: no token is read. The visitor is `X-Visitor-Id`, else the `nr_vid` cookie, "
					+ "else the client's address and user agent.")
			.tags(List.of("Page views"))
			.security(List.of())
			.addParametersItem(new HeaderParameter().name(ViewBeacon.VISITOR_HEADER)
				.description("The page's visitor id; a malformed one is a 400")
				.schema(new StringSchema().pattern(VISITOR_ID)))
			.addParametersItem(new CookieParameter().name(ViewBeacon.VISITOR_COOKIE)
				.description("The visitor id the site's pages keep; a malformed one is ignored")
				.schema(new StringSchema()))
			.requestBody(new RequestBody().required(true)
				.content(new Content().addMediaType("application/json", new MediaType().schema(body))
					.addMediaType("text/plain", new MediaType().schema(body))))
			.responses(responses);
		api.path(ViewBeacon.PATH, new PathItem().post(beacon));
	}
}
