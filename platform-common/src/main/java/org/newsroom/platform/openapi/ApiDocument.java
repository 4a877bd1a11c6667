package org.newsroom.platform.openapi;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * The parts every API document of the platform shares: its title, version and description; the
 * gateway as the one server (clients never call a service's own port, and "Try it out" goes
 * through the gateway's limits and checks); the realm as an OAuth2 authorization-code scheme
 * (Swagger UI signs in with PKCE, RFC 7636); and the problem document of RFC 9457 that every
 * error answer carries (docs/problems.md).
 */
public class ApiDocument implements OpenApiCustomizer {

	public static final String SECURITY_SCHEME = "keycloak";

	static final String PROBLEM_SCHEMA = "Problem";

	static final String PROBLEM_SCHEMA_REF = "#/components/schemas/" + PROBLEM_SCHEMA;

	/** An article's or a photo's id: a MongoDB ObjectId in lowercase hex, as every service writes and checks it. */
	public static final String OBJECT_ID = "^[0-9a-f]{24}$";

	/** Any JSON value, null included (a revision's previous value): {@code @Schema(ref = ANY_VALUE)}. */
	public static final String ANY_VALUE = "#/components/schemas/AnyValue";

	/** A JSON object with members of any kind (JSON-LD, ninjs): {@code @Schema(ref = JSON_OBJECT)}. */
	public static final String JSON_OBJECT = "#/components/schemas/JsonObject";

	private final ApiDocumentProperties properties;

	private final String server;

	private final String realm;

	public ApiDocument(ApiDocumentProperties properties) {
		this.properties = properties;
		this.server = strip(properties.server());
		this.realm = strip(properties.realm());
	}

	@Override
	public void customise(OpenAPI api) {
		api.info(new Info().title(properties.title())
			.version(properties.version())
			.description(properties.description())
			.license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0")));
		api.servers(List.of(new Server().url(server).description("The gateway: the one address clients use")));
		Components components = api.getComponents() != null ? api.getComponents() : new Components();
		api.components(components);
		components.addSecuritySchemes(SECURITY_SCHEME, realm());
		components.addSchemas("FieldProblem", new ObjectSchema().description("One invalid field or parameter")
			.addProperty("field", new StringSchema().description("The field's JSON path or the parameter's name"))
			.addProperty("message", new StringSchema().description("What is wrong with it"))
			.required(List.of("field", "message")));
		components.addSchemas("PhotoProblem", new ObjectSchema()
			.description("A photo an article shows that may not be published (photo-not-usable)")
			.addProperty("field", new StringSchema().description("Where the article shows it, e.g. `leadMediaId`"))
			.addProperty("mediaId", new StringSchema())
			.addProperty("problems", new ArraySchema().items(new StringSchema()
				._enum(List.of("MISSING_CREDIT", "RIGHTS_EXPIRED", "TAKEN_DOWN", "NOT_FOUND"))))
			.required(List.of("field", "mediaId", "problems")));
		components.addSchemas(PROBLEM_SCHEMA, problem());
		components.addSchemas("AnyValue", new Schema<>().nullable(true).description("Any JSON value"));
		components.addSchemas("JsonObject", new ObjectSchema().additionalProperties(true)
			.description("A JSON object whose members are defined by another standard"));
	}

	/** RFC 9457 with the platform's members: {@code errors}, {@code currentVersion}, {@code photos}. */
	private static Schema<?> problem() {
		return new ObjectSchema().description("An RFC 9457 problem document; the types are listed in docs/problems.md")
			.addProperty("type", new StringSchema().format("uri").example("urn:newsroom:problem:invalid-input")
				.description("The problem type, a URN `urn:newsroom:problem:...`"))
			.addProperty("title", new StringSchema().example("Invalid input"))
			.addProperty("status", new IntegerSchema().minimum(java.math.BigDecimal.valueOf(400))
				.maximum(java.math.BigDecimal.valueOf(599)))
			.addProperty("detail", new StringSchema().description("What to do about this request"))
			.addProperty("instance", new StringSchema().format("uri-reference").description("The request path"))
			.addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/FieldProblem"))
				.description("Each invalid field or parameter (400, 413, 422)"))
			.addProperty("currentVersion", new IntegerSchema().format("int64")
				.description("The version that is current now (stale-version, 412)"))
			.addProperty("photos", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/PhotoProblem"))
				.description("Each photo that may not be published (photo-not-usable, 422)"))
			.required(List.of("type", "title", "status"));
	}

	/** Keycloak's OpenID Connect endpoints under the realm's public URL (the tokens' issuer). */
	private SecurityScheme realm() {
		String endpoints = realm + "/protocol/openid-connect";
		return new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
			.description("Sign in at the newsroom's Keycloak realm (authorization code with PKCE, client `news-web`). "
					+ "Writes need the realm role `editor`, deletes `admin`, batched page views `ingest`.")
			.flows(new OAuthFlows().authorizationCode(new OAuthFlow().authorizationUrl(endpoints + "/auth")
				.tokenUrl(endpoints + "/token")
				.refreshUrl(endpoints + "/token")
				.scopes(new Scopes().addString("openid", "Sign in with OpenID Connect"))));
	}

	private static String strip(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}
}
