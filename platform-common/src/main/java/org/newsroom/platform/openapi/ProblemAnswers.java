package org.newsroom.platform.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;

/**
 * Gives every operation its real answers (see {@link Answers}): the success status, 304 where a
 * conditional GET is answered, and each problem status as {@code application/problem+json} with
 * the shared {@code Problem} schema (docs/problems.md lists the types), plus the security
 * requirement of the realm role it needs.
 */
public class ProblemAnswers implements OperationCustomizer {

	public static final String PROBLEM_JSON = "application/problem+json";

	/** What any operation can meet behind the gateway: its per-client limits, a service or store that is down. */
	public static final Set<Integer> EVERYWHERE = Set.of(429, 503);

	private static final Map<Integer, String> PROBLEMS = new LinkedHashMap<>();

	static {
		PROBLEMS.put(400, "Bad request: a parameter, body or request line that cannot be read or is not accepted; `errors` names the field where there is one");
		PROBLEMS.put(401, "No valid bearer token (missing, expired, forged or from another issuer); `WWW-Authenticate: Bearer` says which");
		PROBLEMS.put(403, "The token is valid but lacks the realm role this needs");
		PROBLEMS.put(404, "No such resource (a draft is not found for readers)");
		PROBLEMS.put(405, "Method not allowed: the path does not have this method; `Allow` names those it has");
		PROBLEMS.put(406, "Not acceptable: `Accept` names no media type this operation answers with");
		PROBLEMS.put(409, "Conflict: a unique value is taken, someone else changed it, or the state does not allow this");
		PROBLEMS.put(410, "Gone: withdrawn by the newsroom (an article) or taken down (a photo)");
		PROBLEMS.put(412, "Stale version: `If-Match` names a version that is no longer current (`currentVersion` says which is)");
		PROBLEMS.put(413, "Payload too large (`errors` names the part where known)");
		PROBLEMS.put(414, "URI too long: the request line is over the gateway's limit");
		PROBLEMS.put(415, "Unsupported media type");
		PROBLEMS.put(422, "Invalid input: a value breaks a rule; `errors` lists each field");
		PROBLEMS.put(428, "Precondition required: send `If-Match` with the ETag of the version you edited");
		PROBLEMS.put(431, "Request header fields too large: the headers are over the gateway's limit");
		PROBLEMS.put(429, "Too many requests from this client; `Retry-After` says when to try again");
		PROBLEMS.put(503, "A service or database this needs is unavailable; `Retry-After` says when to try again");
		PROBLEMS.put(504, "The gateway gave up waiting for the service; for a write the outcome is unknown (check before "
				+ "repeating it); `Retry-After` says when to try again");
	}

	private static final Map<Integer, String> SUCCESS = Map.of(200, "OK", 201, "Created", 202,
			"Accepted", 204, "No content");

	@Override
	public Operation customize(Operation operation, HandlerMethod handlerMethod) {
		Answers answers = AnnotatedElementUtils.findMergedAnnotation(handlerMethod.getMethod(), Answers.class);
		ApiResponses responses = operation.getResponses() != null ? operation.getResponses() : new ApiResponses();
		operation.setResponses(responses);
		success(responses, answers != null ? answers.status() : 200);
		if (answers != null && answers.notModified()) {
			responses.addApiResponse("304", new ApiResponse()
				.description("Not modified: the ETag in `If-None-Match` is still current; no body")
				.addHeaderObject("ETag", header("The current version's entity tag")));
		}
		Access access = access(answers, handlerMethod);
		Set<Integer> problems = new TreeSet<>(EVERYWHERE);
		if (answers != null) {
			for (int status : answers.problems()) {
				problems.add(status);
			}
		}
		if (access != Access.ANONYMOUS) {
			problems.add(401);
		}
		if (access.role() != null) {
			problems.add(403);
			operation.setSecurity(List.of(new SecurityRequirement().addList(ApiDocument.SECURITY_SCHEME)));
			operation.addExtension("x-roles", List.of(access.role()));
			String needs = "Needs the realm role `" + access.role() + "`.";
			operation.setDescription(operation.getDescription() == null ? needs : operation.getDescription() + "\n\n" + needs);
		}
		else if (access == Access.READERS) {
			// no token needed; one that is sent is checked (and may show an editor more)
			operation.setSecurity(List.of(new SecurityRequirement(),
					new SecurityRequirement().addList(ApiDocument.SECURITY_SCHEME)));
		}
		else {
			operation.setSecurity(List.of());
		}
		for (int status : problems) {
			responses.addApiResponse(String.valueOf(status), problem(status));
		}
		return operation;
	}

	/** springdoc names every answer 200: move the body to the status the operation really answers. */
	private static void success(ApiResponses responses, int status) {
		if (status != 200 && responses.containsKey(String.valueOf(status))) {
			return; // declared with @ApiResponse beside a 200 of its own (an upload of bytes already stored)
		}
		ApiResponse ok = responses.remove("200");
		if (ok == null) {
			ok = new ApiResponse();
		}
		if (status != 200 || ok.getDescription() == null || ok.getDescription().isBlank()) {
			ok.setDescription(SUCCESS.getOrDefault(status, ok.getDescription()));
		}
		if (status == 204) {
			ok.setContent(null);
		}
		if (status == 201) {
			ok.addHeaderObject("Location", header("The new resource's path"));
		}
		responses.addApiResponse(String.valueOf(status), ok);
	}

	private static Access access(Answers answers, HandlerMethod handlerMethod) {
		Access declared = answers != null ? answers.access() : Access.BY_METHOD;
		if (declared != Access.BY_METHOD) {
			return declared;
		}
		RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handlerMethod.getMethod(), RequestMapping.class);
		RequestMethod method = mapping != null && mapping.method().length > 0 ? mapping.method()[0] : RequestMethod.GET;
		return switch (method) {
			case GET, HEAD, OPTIONS -> Access.READERS;
			case DELETE -> Access.ADMIN;
			default -> Access.EDITOR;
		};
	}

	/** The answer with status {@code status}: its meaning, the Problem schema and the headers that come with it. */
	public static ApiResponse problem(int status) {
		String description = PROBLEMS.get(status);
		if (description == null) {
			throw new IllegalStateException("No description for problem status " + status);
		}
		ApiResponse response = new ApiResponse().description(description)
			.content(new Content().addMediaType(PROBLEM_JSON,
					new MediaType().schema(new Schema<>().$ref(ApiDocument.PROBLEM_SCHEMA_REF))));
		if (status == 429 || status == 503 || status == 504) {
			response.addHeaderObject("Retry-After", new Header().description("Seconds to wait before trying again")
				.schema(new IntegerSchema().minimum(java.math.BigDecimal.ZERO)));
		}
		if (status == 401) {
			response.addHeaderObject("WWW-Authenticate", header("`Bearer`, with the error where a token was sent (RFC 6750)"));
		}
		return response;
	}

	private static Header header(String description) {
		return new Header().description(description).schema(new StringSchema());
	}
}
