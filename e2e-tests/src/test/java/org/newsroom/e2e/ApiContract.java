package org.newsroom.e2e;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every answer the suite receives from the API is checked against the OpenAPI document the
 * running gateway publishes for it (/api-docs/articles, /api-docs/media, /api-docs/rankings and
 * its own /v3/api-docs), with Atlassian's swagger-request-validator: a status, a field, a null,
 * a header or a content type the document does not declare fails the test that received it.
 * Objects are closed (the validator adds {@code additionalProperties: false}), so an undocumented
 * field is an error too.
 *
 * <p>What is checked, by what was sent:
 * <ul>
 * <li>A request the suite means ({@link #check}: Client's sends, LoopbackReaders, the second
 * gateway): the answer, and the request too when it was answered with success. A request the
 * document would refuse must not succeed (the document would be stricter than the API); one it
 * accepts may still be refused by a rule of the service (a 404, a 409...).</li>
 * <li>A hostile request ({@link #checkAnswer}: Client.raw): only the answer, which must be one
 * the document lists for the operation, or else one of the answers any request may get.</li>
 * <li>An operation the document has not (a method the path does not have, an invented method):
 * one of those answers, and a 405 must name in {@code Allow} every method the document lists for
 * the path. An OPTIONS answer's {@code Allow} is exactly the document's methods.</li>
 * <li>A path under {@code /api} that no document lists (a hostile path): a problem document with
 * a status from the document's {@code components.responses} (the answers any request may get).
 * Elsewhere (the web edition, feeds, sitemaps: not the documents' business), a problem document
 * must still have the {@code Problem} schema.</li>
 * </ul>
 */
final class ApiContract {

	/** Which document describes a path: the first prefix that matches. */
	private static final Map<String, String> DOCUMENTS = Map.of("/api/articles", "/api-docs/articles", "/api/media",
			"/api-docs/media", "/api/rankings", "/api-docs/rankings", "/api/pages", "/v3/api-docs");

	/** The document whose {@code components.responses} judge an answer to a path no document lists. */
	private static final String EDGE_DOCUMENT = "/v3/api-docs";

	/** Where the synthetic document of the answers any request may get puts them. */
	private static final String ANY_PATH = "/any-path";

	private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

	private static final Map<String, Contract> CONTRACTS = new ConcurrentHashMap<>();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	/** How many answers each rule judged, for a suite's summary (HostileInputIT shows that each rule ran). */
	static final Map<String, java.util.concurrent.atomic.LongAdder> JUDGED = new java.util.concurrent.ConcurrentSkipListMap<>();

	private ApiContract() {
	}

	/**
	 * A document: its operations, the answers any request may get as it states them, and the
	 * methods of each of its paths.
	 */
	record Contract(OpenApiInteractionValidator operations, OpenApiInteractionValidator anyPath,
			Set<Integer> anyPathStatuses, Map<String, Set<String>> methodsByPath) {

		/**
		 * The methods of the path {@code path} is, as the server picks it: the template of as many
		 * segments whose literal segments all match, with the fewest variables
		 * ({@code /api/articles/summaries}, not {@code /api/articles/{id}}); null if none.
		 */
		Set<String> methodsOf(String path) {
			String[] segments = path.split("/", -1);
			Set<String> best = null;
			int fewest = Integer.MAX_VALUE;
			for (Map.Entry<String, Set<String>> template : methodsByPath.entrySet()) {
				String[] parts = template.getKey().split("/", -1);
				if (parts.length != segments.length) {
					continue;
				}
				int variables = 0;
				boolean matches = true;
				for (int i = 0; i < parts.length && matches; i++) {
					if (parts[i].startsWith("{") && parts[i].endsWith("}")) {
						variables++;
						matches = !segments[i].isEmpty();
					}
					else {
						matches = parts[i].equals(segments[i]);
					}
				}
				if (matches && variables < fewest) {
					best = template.getValue();
					fewest = variables;
				}
			}
			return best;
		}
	}

	/**
	 * Fails (AssertionError) when {@code response}, the answer to a request the suite meant
	 * ({@code method} on {@code uri}, with these headers and body), is not what the API's
	 * document says, or when the document would refuse a request that succeeded.
	 */
	static void check(String method, URI uri, Map<String, List<String>> requestHeaders, String requestBody,
			Client.Response response) {
		fail(method, uri.getRawPath(), uri.getRawQuery(), response, faults(method, uri.getRawPath(), uri.getRawQuery(),
				requestHeaders, requestBody, response, null, true));
	}

	/** {@link #check} of an answer whose body is binary (a photo's bytes). */
	static void checkBytes(String method, URI uri, Map<String, List<String>> requestHeaders, Client.Response response,
			byte[] body) {
		fail(method, uri.getRawPath(), uri.getRawQuery(), response, faults(method, uri.getRawPath(), uri.getRawQuery(),
				requestHeaders, null, response, body, true));
	}

	/**
	 * Fails when {@code response}, the answer to a hostile request {@code method target} (the
	 * request line as sent, possibly broken), is no answer the documents allow. The request itself
	 * is meant to break the contract and is not checked.
	 */
	static void checkAnswer(String method, String target, Client.Response response) {
		String path = target;
		String query = null;
		if (target.startsWith("http://") || target.startsWith("https://")) {
			int slash = target.indexOf('/', target.indexOf("//") + 2);
			path = slash < 0 ? "/" : target.substring(slash);
		}
		int question = path.indexOf('?');
		if (question >= 0) {
			query = path.substring(question + 1);
			path = path.substring(0, question);
		}
		fail(method, path, query, response, faults(method, path, query, Map.of(), null, response, null, false));
	}

	private static void judged(String rule) {
		JUDGED.computeIfAbsent(rule, r -> new java.util.concurrent.atomic.LongAdder()).increment();
	}

	private static void fail(String method, String path, String query, Client.Response response, List<String> faults) {
		if (!faults.isEmpty()) {
			String target = abbreviate(path + (query == null ? "" : "?" + query), 200);
			throw new AssertionError(method + " " + target + " answered " + response.status()
					+ ", which the API documents do not describe:\n  - " + String.join("\n  - ", faults) + "\nbody: "
					+ abbreviate(response.body(), 600));
		}
	}

	private static List<String> faults(String method, String path, String query, Map<String, List<String>> requestHeaders,
			String requestBody, Client.Response response, byte[] bytes, boolean meant) {
		String document = document(path);
		if (document != null) {
			return faults(contract(document), method, path, query, requestHeaders, requestBody, response, bytes, meant);
		}
		if (path.equals("/api") || path.startsWith("/api/")) {
			judged("a path no document lists");
			return anyPathFaults(contract(EDGE_DOCUMENT), method, path, response, "no document lists " + path);
		}
		judged("outside the API");
		return problemShapeFaults(contract(EDGE_DOCUMENT), response);
	}

	/** What in the exchange the document behind {@code contract} does not describe. */
	static List<String> faults(Contract contract, String method, String path, String query,
			Map<String, List<String>> requestHeaders, String requestBody, Client.Response response, byte[] bytes,
			boolean meant) {
		Request.Method known = METHODS.contains(method) ? Request.Method.valueOf(method) : null;
		if (known == null) {
			judged("a method no document has");
			return anyPathFaults(contract, method, path, response, "no document has the method " + method);
		}
		Set<String> documented = contract.methodsOf(path);
		if (documented == null) {
			judged("a path no document lists");
			return anyPathFaults(contract, method, path, response, "the document does not list " + path);
		}
		if (!documented.contains(method)) {
			judged("a method the path does not have");
			List<String> faults = anyPathFaults(contract, method, path, response,
					"the document has no " + method + " on " + path);
			if (response.status() == 405) {
				Set<String> allowed = allow(response);
				if (!allowed.containsAll(documented)) {
					faults.add("Allow " + allowed + " leaves out methods the document lists: " + documented);
				}
			}
			return faults;
		}
		judged(meant ? "an operation (request and answer)" : "an operation (answer only)");
		List<ValidationReport.Message> messages = errors(contract.operations().validateResponse(path, known,
				answer(response, bytes)));
		List<String> faults = new ArrayList<>(describe(messages));
		if (known == Request.Method.OPTIONS && response.status() == 200) {
			if (!allow(response).equals(documented)) {
				faults.add("OPTIONS answered Allow " + allow(response) + "; the document lists " + documented);
			}
		}
		if (meant && response.status() < 400) {
			List<ValidationReport.Message> refused = errors(contract.operations()
				.validateRequest(request(known, path, query, requestHeaders, requestBody)));
			for (String fault : describe(refused)) {
				faults.add("the document would refuse this request, yet it was answered " + response.status() + ": "
						+ fault);
			}
		}
		return faults;
	}

	/**
	 * An answer any request may get (the document's {@code components.responses}): a problem
	 * document with one of their statuses and what that response says comes with it.
	 */
	static List<String> anyPathFaults(Contract contract, String method, String path, Client.Response response,
			String why) {
		List<String> faults = new ArrayList<>();
		if (!contract.anyPathStatuses().contains(response.status())) {
			faults.add(why + ", so only the answers any request may get are allowed " + contract.anyPathStatuses()
					+ ", not " + response.status());
			return faults;
		}
		// HEAD answers come without their body; the status and headers still count
		boolean head = method.equals("HEAD");
		String type = response.header("Content-Type");
		if (!head && (type == null || !type.startsWith("application/problem+json"))) {
			faults.add(why + ": a " + response.status() + " must be application/problem+json, not " + type);
			return faults;
		}
		List<ValidationReport.Message> messages = errors(contract.anyPath()
			.validateResponse(ANY_PATH, head ? Request.Method.HEAD : Request.Method.GET, answer(response, null)));
		faults.addAll(describe(messages));
		return faults;
	}

	/** A problem document anywhere must be an RFC 9457 problem as the documents define it. */
	private static List<String> problemShapeFaults(Contract contract, Client.Response response) {
		String type = response.header("Content-Type");
		if (type == null || !type.startsWith("application/problem+json") || response.body() == null
				|| response.body().isEmpty()) {
			return List.of();
		}
		Client.Response asBadRequest = new Client.Response(400, Map.of("Content-Type", List.of(type)), response.body());
		return describe(errors(contract.anyPath().validateResponse(ANY_PATH, Request.Method.GET, answer(asBadRequest, null))));
	}

	private static Set<String> allow(Client.Response response) {
		String allow = response.header("Allow");
		if (allow == null) {
			return Set.of();
		}
		return Arrays.stream(allow.split(","))
			.map(String::trim)
			.filter(method -> !method.isEmpty())
			.map(method -> method.toUpperCase(Locale.ROOT))
			.collect(Collectors.toCollection(LinkedHashSet::new));
	}

	private static SimpleResponse answer(Client.Response response, byte[] bytes) {
		SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.status());
		response.headers().forEach((name, values) -> {
			if (!name.startsWith(":")) {
				answer.withHeader(name, values);
			}
		});
		if (bytes != null && bytes.length > 0) {
			answer.withBody(bytes);
		}
		else if (response.body() != null && !response.body().isEmpty()) {
			answer.withBody(response.body());
		}
		return answer.build();
	}

	private static Request request(Request.Method method, String path, String query, Map<String, List<String>> headers,
			String body) {
		SimpleRequest.Builder request = new SimpleRequest.Builder(method, path);
		headers.forEach(request::withHeader);
		if (query != null && !query.isEmpty()) {
			Map<String, List<String>> parameters = new LinkedHashMap<>();
			for (String pair : query.split("&")) {
				int equals = pair.indexOf('=');
				String name = decode(equals < 0 ? pair : pair.substring(0, equals));
				parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(equals < 0 ? "" : decode(pair.substring(equals + 1)));
			}
			parameters.forEach(request::withQueryParam);
		}
		if (body != null && !body.isEmpty()) {
			request.withBody(body);
		}
		return request.build();
	}

	private static String decode(String text) {
		return URLDecoder.decode(text, StandardCharsets.UTF_8);
	}

	private static List<ValidationReport.Message> errors(ValidationReport report) {
		return report.getMessages().stream().filter(message -> message.getLevel() == ValidationReport.Level.ERROR).toList();
	}

	private static boolean has(List<ValidationReport.Message> messages, String key) {
		return messages.stream().anyMatch(message -> message.getKey().equals(key));
	}

	private static List<String> describe(List<ValidationReport.Message> messages) {
		return messages.stream().map(message -> message.getKey() + ": " + message.getMessage()).toList();
	}

	/** The document {@code json} as a contract: its operations, and the answers any request may get. */
	static Contract contractOf(String json) {
		OpenApiInteractionValidator operations = OpenApiInteractionValidator.createForInlineApiSpecification(json).build();
		JsonNode document = Client.JSON.readTree(json);
		JsonNode responses = document.path("components").path("responses");
		Set<Integer> statuses = new java.util.TreeSet<>();
		ObjectNode anyPath = (ObjectNode) document.deepCopy();
		ObjectNode answers = Client.JSON.createObjectNode();
		for (String name : responses.propertyNames()) {
			int status = statusOf(name, responses.get(name));
			statuses.add(status);
			answers.putObject(String.valueOf(status)).put("$ref", "#/components/responses/" + name);
		}
		ObjectNode operation = Client.JSON.createObjectNode();
		operation.put("operationId", "anyPath").put("summary", "Any request");
		operation.set("responses", answers);
		ObjectNode item = Client.JSON.createObjectNode();
		item.set("get", operation);
		item.set("head", operation.deepCopy().put("operationId", "anyPathHead"));
		ObjectNode paths = Client.JSON.createObjectNode();
		paths.set(ANY_PATH, item);
		anyPath.set("paths", paths);
		Map<String, Set<String>> methodsByPath = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
			Set<String> methods = new LinkedHashSet<>();
			for (String key : path.getValue().propertyNames()) {
				if (METHODS.contains(key.toUpperCase(Locale.ROOT))) {
					methods.add(key.toUpperCase(Locale.ROOT));
				}
			}
			methodsByPath.put(path.getKey(), Set.copyOf(methods));
		}
		return new Contract(operations,
				OpenApiInteractionValidator.createForInlineApiSpecification(Client.JSON.writeValueAsString(anyPath)).build(),
				Set.copyOf(statuses), Map.copyOf(methodsByPath));
	}

	/** The status a {@code components.responses} entry is answered with (its {@code x-status}). */
	private static int statusOf(String name, JsonNode response) {
		if (!response.path("x-status").isInt()) {
			throw new IllegalStateException("components.responses." + name + " does not say its status (x-status)");
		}
		return response.get("x-status").asInt();
	}

	private static String document(String path) {
		for (Map.Entry<String, String> entry : DOCUMENTS.entrySet()) {
			if (path.equals(entry.getKey()) || path.startsWith(entry.getKey() + "/")) {
				return entry.getValue();
			}
		}
		return null;
	}

	private static Contract contract(String document) {
		return CONTRACTS.computeIfAbsent(document, ApiContract::load);
	}

	/**
	 * Reads the four documents from the gateway, right after the stack has started and while every
	 * service is up (a test that stops one later still has its document). No retry: the documents
	 * are built when a service starts, and the gateway must serve them at once.
	 */
	static void loadAll() {
		for (String document : DOCUMENTS.values()) {
			contract(document);
		}
	}

	/** The document as the running gateway publishes it. */
	private static Contract load(String document) {
		try {
			HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(LocalStack.GATEWAY + document))
				.timeout(Duration.ofSeconds(20))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (answer.statusCode() != 200) {
				throw new IllegalStateException(document + " answered " + answer.statusCode() + ": " + answer.body());
			}
			return contractOf(answer.body());
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static String abbreviate(String text, int length) {
		return text == null || text.length() <= length ? String.valueOf(text) : text.substring(0, length) + "...";
	}
}
