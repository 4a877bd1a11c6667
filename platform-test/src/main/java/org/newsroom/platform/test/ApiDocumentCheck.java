package org.newsroom.platform.test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks an application's API document as served (/v3/api-docs): the general rules every
 * document of the platform keeps (see {@link #faults}), and that it equals its committed copy
 * under docs/openapi/, which is the contract clients and the e2e suite read. When the served
 * document differs, the copy is rewritten and the check fails: review the change with
 * {@code git diff docs/openapi} and commit it with the code that made it.
 */
public final class ApiDocumentCheck {

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(SerializationFeature.INDENT_OUTPUT)
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
		.build();

	/** Types that show the framework's insides instead of the API (a request read by hand). */
	private static final Set<String> INTERNALS = Set.of("JsonNode", "ObjectNode", "ArrayNode", "Part",
			"HttpServletRequest", "Authentication", "WebRequest", "ServerWebExchange", "Resource", "InputStream");

	private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

	private ApiDocumentCheck() {
	}

	/** Runs both checks on {@code served}, the document of the application named {@code name}. */
	public static void check(String served, String name) {
		AssertionError stale = null;
		try {
			matchesCommittedCopy(served, name);
		}
		catch (AssertionError e) {
			stale = e; // the copy is rewritten either way; the faults are reported first
		}
		assertThat(faults(served)).as("faults of the %s API document", name).isEmpty();
		if (stale != null) {
			throw stale;
		}
	}

	/**
	 * What breaks the platform's rules for API documents: a title and version of its own, the
	 * gateway as its only server, no Spring {@code /error}, no {@code *}/{@code *} media type,
	 * no framework internals as schemas, and each operation with an id, a summary, a tag and
	 * at least one 4xx answer as {@code application/problem+json} (HEAD: the same statuses, no body).
	 */
	public static List<String> faults(String served) {
		JsonNode doc = JSON.readTree(served);
		List<String> faults = new ArrayList<>();
		if (doc.path("info").path("title").asString("").startsWith("OpenAPI definition")) {
			faults.add("info.title is springdoc's default");
		}
		if (doc.path("info").path("version").asString("").matches("v?0|")) {
			faults.add("info.version is not the project's");
		}
		JsonNode servers = doc.path("servers");
		if (servers.size() != 1 || servers.get(0).path("url").asString("").matches(".*:808[1-4].*")) {
			faults.add("servers must be the gateway only: " + servers);
		}
		for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
			if (path.getKey().equals("/error") || path.getKey().startsWith("/actuator")) {
				faults.add(path.getKey() + " is not part of the API");
			}
			for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
				if (!METHODS.contains(entry.getKey())) {
					continue;
				}
				String where = entry.getKey().toUpperCase() + " " + path.getKey();
				JsonNode operation = entry.getValue();
				if (operation.path("tags").isEmpty()) {
					faults.add(where + " has no tag");
				}
				else if (operation.path("tags").get(0).asString().endsWith("-controller")) {
					faults.add(where + " is tagged with a class name");
				}
				if (operation.path("operationId").asString("").matches(".*_\\d+|")) {
					faults.add(where + " has no operationId of its own");
				}
				if (operation.path("summary").asString("").isBlank()) {
					faults.add(where + " has no summary");
				}
				boolean problem = false;
				for (Map.Entry<String, JsonNode> response : operation.path("responses").properties()) {
					if (response.getKey().startsWith("4") && response.getValue().path("content").has("application/problem+json")) {
						problem = true;
					}
				}
				// HEAD answers GET's statuses without a body (RFC 9110, section 9.3.2): no problem document
				if (!problem && !entry.getKey().equals("head")) {
					faults.add(where + " documents no 4xx problem answer");
				}
			}
		}
		collectMediaTypeFaults(doc, "document", faults);
		for (String schema : doc.path("components").path("schemas").propertyNames()) {
			if (INTERNALS.contains(schema)) {
				faults.add("components.schemas." + schema + " is a framework type, not the API's");
			}
		}
		return faults;
	}

	private static void collectMediaTypeFaults(JsonNode node, String at, List<String> faults) {
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> entry : node.properties()) {
				if (entry.getKey().equals("content") && entry.getValue().has("*/*")) {
					faults.add(at + " answers */*");
				}
				collectMediaTypeFaults(entry.getValue(), at + " > " + entry.getKey(), faults);
			}
		}
		else if (node.isArray()) {
			for (JsonNode item : node) {
				collectMediaTypeFaults(item, at, faults);
			}
		}
	}

	/** The served document equals docs/openapi/{name}.json; if not, the file is rewritten and this fails. */
	public static void matchesCommittedCopy(String served, String name) {
		// as maps, so that every object's keys are sorted (springdoc's order of a server's fields
		// varied between runs): the committed copy changes only when the document does
		String normalised = JSON.writeValueAsString(JSON.readValue(served, Object.class)) + "\n";
		Path copy = repositoryRoot().resolve("docs/openapi/" + name + ".json");
		try {
			String committed = Files.exists(copy) ? Files.readString(copy, StandardCharsets.UTF_8) : "";
			if (!committed.equals(normalised)) {
				Files.createDirectories(copy.getParent());
				Files.writeString(copy, normalised, StandardCharsets.UTF_8);
			}
			assertThat(normalised).as("%s differed from the served document and has been rewritten: "
					+ "review it (git diff) and commit it", copy).isEqualTo(committed);
		}
		catch (IOException e) {
			throw new IllegalStateException("Cannot read or write " + copy, e);
		}
	}

	private static Path repositoryRoot() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null && !Files.exists(dir.resolve("docs/architecture.md"))) {
			dir = dir.getParent();
		}
		if (dir == null) {
			throw new IllegalStateException("No repository root (docs/architecture.md) above " + Path.of("").toAbsolutePath());
		}
		return dir;
	}
}
