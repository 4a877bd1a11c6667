package org.newsroom.gateway.page;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The page composites' schemas in the gateway's API document. Their parts are the services' own
 * JSON passed on unchanged (an {@code Answer}), so their schemas are the services' own, copied
 * from the services' committed documents (docs/openapi/, put on the classpath by the build)
 * with every schema they refer to: one definition of an article, a photo and a list.
 */
@Component
class PageDocument implements OpenApiCustomizer {

	private static final Pattern REF = Pattern.compile("#/components/schemas/([A-Za-z0-9_.-]+)");

	private final Map<String, Schema> serviceSchemas = new HashMap<>();

	PageDocument() {
		for (String service : List.of("article-service", "media-service", "ranking-service")) {
			try (InputStream in = new ClassPathResource("openapi/" + service + ".json").getInputStream()) {
				OpenAPI document = Json.mapper().readValue(in, OpenAPI.class);
				serviceSchemas.putAll(document.getComponents().getSchemas());
			}
			catch (IOException e) {
				throw new UncheckedIOException("The API document of " + service + " is not on the classpath", e);
			}
		}
	}

	@Override
	public void customise(OpenAPI api) {
		Components components = api.getComponents();
		// what springdoc made of Answer<T> (the record the gateway reads and the JSON node it passes on)
		components.getSchemas().keySet().removeIf(name -> name.startsWith("Answer") || name.equals("JsonNode"));
		components.addSchemas("ArticlePage", new ObjectSchema()
			.description("An article with its lead photo, the Top 10 and related articles. A part that could not be "
					+ "fetched is null and named in `degraded`; a part that does not exist (no lead photo) is null "
					+ "without being degraded.")
			.addProperty("article", ref("ArticleView"))
			.addProperty("leadImage", nullable("PhotoView", components))
			.addProperty("top", nullable("TopList", components))
			.addProperty("related", new ArraySchema().items(ref("Summary")).nullable(true))
			.addProperty("degraded", new ArraySchema()
				.items(new StringSchema()._enum(List.of("leadImage", "top", "related"))))
			.required(List.of("article", "leadImage", "top", "related", "degraded")));
		components.addSchemas("HomePage", new ObjectSchema()
			.description("The home screen: each section's latest articles and the Top 10. A section whose articles "
					+ "could not be fetched is left out and named in `degraded` (`section:<name>`); so is a Top 10 "
					+ "that could not be fetched (null, `top`).")
			.addProperty("sections", new ArraySchema().items(ref("HomeSection")))
			.addProperty("top", nullable("TopList", components))
			.addProperty("degraded", new ArraySchema().items(new StringSchema().example("section:world")))
			.required(List.of("sections", "top", "degraded")));
		components.addSchemas("HomeSection", new ObjectSchema()
			.description("A section's latest published articles, as article-service listed them")
			.addProperty("name", new StringSchema().example("world"))
			.addProperty("articles", new ArraySchema().items(ref("ArticleView")))
			.required(List.of("name", "articles")));
		components.addSchemas("SectionPage", new ObjectSchema()
			.description("A section screen: one page of its articles, newest first, and the Top 10 (null and named "
					+ "in `degraded` when it could not be fetched)")
			.addProperty("section", new StringSchema().example("world"))
			.addProperty("items", new ArraySchema().items(ref("ArticleView")))
			.addProperty("nextCursor", new StringSchema().nullable(true)
				.description("Pass as `cursor` for the next, older page; null on the last page"))
			.addProperty("top", nullable("TopList", components))
			.addProperty("degraded", new ArraySchema().items(new StringSchema()._enum(List.of("top"))))
			.required(List.of("section", "items", "nextCursor", "top", "degraded")));
		copyReferenced(components);
	}

	private static Schema<?> ref(String name) {
		return new Schema<>().$ref("#/components/schemas/" + name);
	}

	/**
	 * A reference to a copy of a service's schema that also allows null. OpenAPI 3.0 ignores the
	 * siblings of a $ref, and validators do not apply {@code nullable} to an {@code allOf} of
	 * one (the e2e suite's did not), so the copy is nullable itself.
	 */
	private Schema<?> nullable(String name, Components components) {
		Schema<?> source = serviceSchemas.get(name);
		if (source == null) {
			throw new IllegalStateException("No service document defines the schema " + name);
		}
		String copy = "Nullable" + name;
		components.addSchemas(copy, new ObjectSchema().properties(source.getProperties())
			.required(source.getRequired())
			.description(name + ", or null")
			.nullable(true));
		return ref(copy);
	}

	/** Each schema the document refers to and does not hold, from the services' documents. */
	private void copyReferenced(Components components) {
		Deque<String> wanted = new ArrayDeque<>(refsIn(components.getSchemas()));
		while (!wanted.isEmpty()) {
			String name = wanted.pop();
			if (components.getSchemas().containsKey(name)) {
				continue;
			}
			Schema schema = serviceSchemas.get(name);
			if (schema == null) {
				throw new IllegalStateException("No service document defines the schema " + name);
			}
			components.addSchemas(name, schema);
			wanted.addAll(refsIn(schema));
		}
	}

	private static List<String> refsIn(Object value) {
		try {
			Matcher matcher = REF.matcher(Json.mapper().writeValueAsString(value));
			return matcher.results().map(result -> result.group(1)).toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
