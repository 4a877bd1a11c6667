package org.newsroom.platform.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.core.Ordered;

/**
 * What any request can be answered, whatever its path, and the methods every path has beside its
 * operations. OpenAPI 3.0 has no "any path" answers, so they are stated three ways: once in the
 * document's description, once each in {@code components.responses} (named in
 * {@link #ANY_PATH}, each with its status as {@code x-status}), and on every operation where
 * they can occur as a reference to that entry.
 *
 * <ul>
 * <li>On every operation: 400 (the gateway's firewall refuses the request line, or a parameter
 * name it cannot read), 406 ({@code Accept} names nothing the operation answers), 413 (a body
 * over the edge's limit), 414 (a request line over its limit), 431 (headers over theirs), 429 (the
 * per-client limits, with {@code Retry-After}), 503 (the service or its store is down, or the
 * gateway has paused calls to it) and 504 (the gateway gave up waiting for the service). An
 * operation's own answer with the same status is kept.</li>
 * <li>On every path: HEAD where GET is served (the same answers without a body; Spring answers
 * it) and OPTIONS (200 with {@code Allow}, which names the path's own methods:
 * PathMethodsHandlerMapping).</li>
 * <li>Only in {@code components.responses}: 405 with {@code Allow}, the answer to a method a path
 * does not have (which is no operation), 401 and 404 for a path under {@code /api} that no
 * document lists.</li>
 * </ul>
 * Runs after every other customizer, so that operations they add (the view beacon) get the same.
 */
public class EdgeAnswers implements OpenApiCustomizer, Ordered {

	/** The entries of {@code components.responses}: what any request to the API may be answered. */
	public static final Map<Integer, String> ANY_PATH = new LinkedHashMap<>();

	static {
		ANY_PATH.put(400, "BadRequest");
		ANY_PATH.put(401, "Unauthorized");
		ANY_PATH.put(404, "NotFound");
		ANY_PATH.put(405, "MethodNotAllowed");
		ANY_PATH.put(406, "NotAcceptable");
		ANY_PATH.put(413, "PayloadTooLarge");
		ANY_PATH.put(414, "UriTooLong");
		ANY_PATH.put(429, "TooManyRequests");
		ANY_PATH.put(431, "HeadersTooLarge");
		ANY_PATH.put(503, "Unavailable");
		ANY_PATH.put(504, "GatewayTimeout");
	}

	/** Referred to from every operation (401 only where a token is read: ProblemAnswers). */
	static final Set<Integer> EVERY_OPERATION = Set.of(400, 406, 413, 414, 429, 431, 503, 504);

	private static final String DESCRIPTION = """


			**Answers any request may get.** Besides each operation's own answers, the gateway and the \
			services may answer any request with a problem document (`application/problem+json`, the \
			`Problem` schema): 400 when the request line or a parameter name cannot be accepted, 405 with \
			`Allow` for a method the path does not have, 406 when `Accept` names nothing the operation \
			answers, 413 for a body over the limit, 414 for a request line and 431 for headers over the \
			edge's limits, 429 with `Retry-After` when a client sends too much, 503 with `Retry-After` when \
			a service or its store is down, and 504 with `Retry-After` when the gateway gave up waiting for a \
			service (for a write, the outcome is then unknown). A path under `/api` that no document lists is a 404 (or 401 \
			with a bad token). They are in `components.responses`; each operation refers to those it can \
			meet. Every path also answers HEAD where it serves GET, and OPTIONS with `Allow`.""";

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void customise(OpenAPI api) {
		Components components = api.getComponents() != null ? api.getComponents() : new Components();
		api.components(components);
		ANY_PATH.forEach((status, name) -> components.addResponses(name, anyPath(status)));
		if (api.getInfo() != null && api.getInfo().getDescription() != null
				&& !api.getInfo().getDescription().contains("Answers any request may get")) {
			api.getInfo().description(api.getInfo().getDescription() + DESCRIPTION);
		}
		if (api.getPaths() == null) {
			return;
		}
		api.getPaths().forEach((path, item) -> {
			for (Operation operation : item.readOperations()) {
				everyOperation(operation);
			}
			if (item.getGet() != null && item.getHead() == null) {
				item.head(head(item.getGet(), components));
			}
			if (item.getOptions() == null) {
				item.options(options(path, item));
			}
		});
	}

	private static ApiResponse anyPath(int status) {
		// the status it is answered with, for readers of components.responses (the e2e suite's ApiContract)
		ApiResponse response = ProblemAnswers.problem(status);
		response.addExtension("x-status", status);
		if (status == 405) {
			response.addHeaderObject("Allow", allow("The methods the path accepts"));
		}
		return response;
	}

	private static void everyOperation(Operation operation) {
		ApiResponses responses = operation.getResponses();
		for (int status : EVERY_OPERATION.stream().sorted().toList()) {
			if (!responses.containsKey(String.valueOf(status))) {
				responses.addApiResponse(String.valueOf(status),
						new ApiResponse().$ref("#/components/responses/" + ANY_PATH.get(status)));
			}
		}
		// springdoc keeps the order answers were added in; the document reads best by status
		ApiResponses sorted = new ApiResponses();
		responses.keySet().stream().sorted().forEach(key -> sorted.addApiResponse(key, responses.get(key)));
		operation.setResponses(sorted);
	}

	/** HEAD: what GET answers, headers only (RFC 9110, section 9.3.2). */
	private static Operation head(Operation get, Components components) {
		ApiResponses responses = new ApiResponses();
		get.getResponses().forEach((status, answer) -> {
			ApiResponse shown = answer.get$ref() != null
					? components.getResponses().get(answer.get$ref().substring(answer.get$ref().lastIndexOf('/') + 1))
					: answer;
			responses.addApiResponse(status, new ApiResponse().description(shown.getDescription())
				.headers(shown.getHeaders()));
		});
		return new Operation().operationId(get.getOperationId() + "Head")
			.summary("Headers only: " + lowerFirst(get.getSummary()))
			.description("What GET answers, without the body.")
			.tags(get.getTags())
			.parameters(get.getParameters())
			.security(get.getSecurity())
			.extensions(get.getExtensions())
			.responses(responses);
	}

	/** OPTIONS: the path's methods in {@code Allow}; no token needed (the shared access rules). */
	private static Operation options(String path, PathItem item) {
		Set<String> methods = new LinkedHashSet<>();
		item.readOperationsMap().keySet().forEach(method -> methods.add(method.name()));
		methods.add("OPTIONS");
		List<String> tags = new ArrayList<>();
		item.readOperations().stream().findFirst().map(Operation::getTags).ifPresent(tags::addAll);
		ApiResponses responses = new ApiResponses().addApiResponse("200", new ApiResponse()
			.description("The methods this path accepts, in `Allow`; no body")
			.addHeaderObject("Allow", allow(String.join(", ", methods))));
		for (int status : List.of(400, 401, 414, 429, 431, 503, 504)) {
			responses.addApiResponse(String.valueOf(status), status == 401 ? ProblemAnswers.problem(401)
					: new ApiResponse().$ref("#/components/responses/" + ANY_PATH.get(status)));
		}
		List<io.swagger.v3.oas.models.parameters.Parameter> pathParameters = item.readOperations()
			.stream()
			.findFirst()
			.map(Operation::getParameters)
			.orElse(List.of())
			.stream()
			.filter(parameter -> "path".equals(parameter.getIn()))
			.toList();
		return new Operation().operationId("options" + operationName(path))
			.summary("Which methods " + path + " accepts")
			.description("Answers `Allow: " + String.join(",", methods) + "`. Needs no token; one that is sent is "
					+ "checked.")
			.tags(tags)
			.parameters(pathParameters.isEmpty() ? null : pathParameters)
			.security(List.of())
			.responses(responses);
	}

	private static Header allow(String description) {
		return new Header().description(description)
			.required(true)
			.schema(new StringSchema().pattern("^[A-Z]+( *, *[A-Z]+)*$").example("GET,HEAD,OPTIONS"));
	}

	/** {@code /api/articles/{id}/ninjs} gives {@code ApiArticlesIdNinjs}. */
	static String operationName(String path) {
		StringBuilder name = new StringBuilder();
		for (String part : path.split("[^A-Za-z0-9]+")) {
			if (!part.isEmpty()) {
				name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
			}
		}
		return name.toString();
	}

	private static String lowerFirst(String text) {
		return text == null || text.isEmpty() ? "" : text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
	}
}
