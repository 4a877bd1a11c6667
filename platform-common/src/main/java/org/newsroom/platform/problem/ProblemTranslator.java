package org.newsroom.platform.problem;

import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.util.ClassUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns any exception a request can raise into a problem document that says what the client did
 * wrong, or that a dependency is down, and never how the service is built: no class names,
 * driver messages or stack traces reach a body. Shared by the servlet and reactive handlers.
 */
public final class ProblemTranslator {

	private static final Logger log = LoggerFactory.getLogger(ProblemTranslator.class);

	/** How long clients are asked to wait when the database is unreachable. */
	public static final Duration STORE_RETRY_AFTER = Duration.ofSeconds(5);

	private static final boolean DATA_ACCESS_PRESENT = ClassUtils
		.isPresent("org.springframework.dao.DataAccessException", ProblemTranslator.class.getClassLoader());

	/**
	 * Spring Security's firewall, servlet and reactive. It checks the path and method before any
	 * filter, but parameter names and headers only when something reads them (a controller, a
	 * request matcher), so its refusal surfaces as an exception of the request; by name because
	 * a service may run without Spring Security's web module.
	 */
	private static final String[] FIREWALL_REFUSALS = {
			"org.springframework.security.web.firewall.RequestRejectedException",
			"org.springframework.security.web.server.firewall.ServerExchangeRejectedException" };

	private ProblemTranslator() {
	}

	/** A problem and the headers that belong with it (Retry-After, WWW-Authenticate). */
	public record Translation(ProblemDetail problem, HttpHeaders headers) {

		public HttpStatus status() {
			return HttpStatus.valueOf(problem.getStatus());
		}
	}

	public static Translation translate(Throwable error) {
		if (error instanceof ProblemException p) {
			return withRetryAfter(p.toProblemDetail(), p.retryAfter());
		}
		if (hasCauseNamed(error, "org.springframework.security.authentication.AuthenticationServiceException")) {
			return tokenCannotBeVerified(error);
		}
		if (hasCauseNamed(error, FIREWALL_REFUSALS)) {
			return plain(refusedByFirewall());
		}
		JacksonException json = findCause(error, JacksonException.class);
		if (json != null) {
			return plain(unreadableJson(json));
		}
		BindingResult binding = findCause(error, BindingResult.class);
		if (binding != null) {
			return plain(invalidFields(binding));
		}
		if (error instanceof HandlerMethodValidationException validation) {
			return plain(invalidParameters(validation));
		}
		TypeMismatchException mismatch = findCause(error, TypeMismatchException.class);
		if (mismatch != null) {
			return plain(wrongParameterType(mismatch));
		}
		if (error instanceof HttpMessageNotReadableException) {
			// no Jackson cause: the body is missing, empty or not in a readable encoding
			ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
					"The request body is missing or cannot be read.");
			problem.setProperty("errors", List.of(new FieldProblem("$", "missing or unreadable body")));
			return plain(problem);
		}
		if (DATA_ACCESS_PRESENT) {
			Translation dataAccess = DataAccessProblems.translate(error);
			if (dataAccess != null) {
				return dataAccess;
			}
		}
		// MongoDB, or the Redis the gateway keeps the desk's sessions in (Lettuce's own exceptions:
		// Spring Data's reactive session calls do not always translate them)
		if (hasCauseNamed(error, "com.mongodb.MongoTimeoutException", "com.mongodb.MongoSocketException",
				"io.lettuce.core.RedisConnectionException", "io.lettuce.core.RedisCommandTimeoutException")) {
			log.warn("Store unavailable: {}", NestedExceptionUtils.getMostSpecificCause(error).toString());
			return withRetryAfter(problem(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable", "Service unavailable",
					"The service's database cannot be reached right now."), STORE_RETRY_AFTER);
		}
		if (findCause(error, ConnectException.class) != null || findCause(error, TimeoutException.class) != null) {
			log.warn("Dependency unavailable: {}", NestedExceptionUtils.getMostSpecificCause(error).toString());
			return withRetryAfter(problem(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
					"A service this request needs is not responding."), STORE_RETRY_AFTER);
		}
		if (error instanceof ErrorResponse framework) {
			return fromFramework(framework);
		}
		log.error("Unhandled error", error);
		return plain(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
				"The request could not be completed because of an error on our side."));
	}

	/**
	 * Spring's own errors (405, 406, 415, missing parameters, no such path...). Their status is
	 * right; their detail is kept only when it is one of Spring's fixed, client-facing sentences.
	 */
	public static Translation fromFramework(ErrorResponse framework) {
		ProblemDetail body = framework.getBody();
		HttpStatus status = HttpStatus.resolve(framework.getStatusCode().value());
		if (status == null) {
			status = HttpStatus.BAD_REQUEST;
		}
		String detail = status == HttpStatus.NOT_FOUND ? "No such resource." : safeDetail(body.getDetail(), status);
		ProblemDetail problem = Problems.forStatus(status, detail);
		problem.setInstance(body.getInstance());
		HttpHeaders headers = new HttpHeaders();
		headers.addAll(framework.getHeaders());
		return new Translation(problem, headers);
	}

	/**
	 * A parameter name or a header the firewall will not pass on: a control character, or a code
	 * point Unicode leaves unassigned ({@code ?%EF%BF%BF=} is U+FFFF). The client's mistake, so a
	 * 400; the offending text is not echoed (see RejectedRequestProblems at the gateway).
	 */
	private static ProblemDetail refusedByFirewall() {
		return problem(HttpStatus.BAD_REQUEST, "bad-request", "Bad request",
				"A parameter name or a header of this request contains characters that are not accepted "
						+ "(control characters or unassigned code points such as U+FFFF).");
	}

	/**
	 * The realm's signing keys could not be fetched (Keycloak unreachable and no cached keys), so
	 * a presented token cannot be checked. Never a pass: the request is refused as
	 * unauthenticated, which is what docs/architecture.md, "When something is down" promises for writes while Keycloak is down.
	 */
	private static Translation tokenCannotBeVerified(Throwable error) {
		log.warn("Bearer token could not be verified: {}", NestedExceptionUtils.getMostSpecificCause(error).toString());
		ProblemDetail problem = problem(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
				"The bearer token cannot be verified right now because the identity provider's keys are unavailable.");
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"news\", error=\"invalid_token\", "
				+ "error_description=\"The token cannot be verified right now\"");
		return new Translation(problem, headers);
	}

	public static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(Problems.type(type));
		problem.setTitle(title);
		return problem;
	}

	private static ProblemDetail unreadableJson(JacksonException error) {
		String field = jsonPath(error);
		String message;
		if (error instanceof UnrecognizedPropertyException unknown) {
			field = jsonPath(error);
			message = "unknown field '" + unknown.getPropertyName() + "'";
		}
		else if (error instanceof InvalidFormatException || error instanceof MismatchedInputException) {
			message = "wrong type or format";
		}
		else if (error instanceof StreamReadException) {
			message = "malformed JSON";
		}
		else {
			message = "unreadable value";
		}
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
				field.isEmpty() ? "The request body is not valid JSON for this resource: " + message + "."
						: "The request body could not be read at '" + field + "': " + message + ".");
		problem.setProperty("errors", List.of(new FieldProblem(field.isEmpty() ? "$" : field, message)));
		return problem;
	}

	/** A dotted JSON path such as {@code body[2].text}, built from what Jackson recorded. */
	public static String jsonPath(JacksonException error) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference ref : error.getPath()) {
			if (ref.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(ref.getPropertyName());
			}
			else if (ref.getIndex() >= 0) {
				path.append('[').append(ref.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	/** {@code ?size=ten}: the parameter (or path variable) is named, its value is not echoed. */
	private static ProblemDetail wrongParameterType(TypeMismatchException mismatch) {
		String name = mismatch instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
				: mismatch.getPropertyName() != null ? mismatch.getPropertyName() : "parameter";
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter",
				name + ": wrong type or format");
		problem.setProperty("errors", List.of(new FieldProblem(name, "wrong type or format")));
		return problem;
	}

	private static ProblemDetail invalidFields(BindingResult binding) {
		List<FieldProblem> errors = new ArrayList<>();
		binding.getFieldErrors().forEach(e -> errors.add(new FieldProblem(e.getField(), message(e))));
		binding.getGlobalErrors().forEach(e -> errors.add(new FieldProblem(e.getObjectName(), message(e))));
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-input", "Invalid input",
				summary(errors));
		problem.setProperty("errors", errors);
		return problem;
	}

	private static ProblemDetail invalidParameters(HandlerMethodValidationException validation) {
		List<FieldProblem> errors = new ArrayList<>();
		validation.getParameterValidationResults().forEach(result -> {
			String name = result.getMethodParameter().getParameterName();
			result.getResolvableErrors().forEach(e -> errors.add(new FieldProblem(name, message(e))));
		});
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter",
				summary(errors));
		problem.setProperty("errors", errors);
		return problem;
	}

	private static String message(MessageSourceResolvable error) {
		if (error instanceof FieldError field && field.isBindingFailure()) {
			return "wrong type or format";
		}
		return error.getDefaultMessage() != null ? error.getDefaultMessage() : "invalid";
	}

	private static String summary(List<FieldProblem> errors) {
		if (errors.isEmpty()) {
			return "The request is not valid.";
		}
		FieldProblem first = errors.get(0);
		String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "";
		return first.field() + ": " + first.message() + more;
	}

	private static String safeDetail(String detail, HttpStatus status) {
		// Spring's fixed sentences ("Required parameter 'size' is not present.") are fine to show;
		// anything that mentions Java types or packages is replaced by the status phrase.
		if (detail == null || detail.contains("java.") || detail.contains("Exception") || detail.length() > 300) {
			return status.getReasonPhrase() + ".";
		}
		return detail;
	}

	static Translation plain(ProblemDetail problem) {
		return new Translation(problem, new HttpHeaders());
	}

	static Translation withRetryAfter(ProblemDetail problem, Duration retryAfter) {
		HttpHeaders headers = new HttpHeaders();
		if (retryAfter != null) {
			headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
		}
		return new Translation(problem, headers);
	}

	/** By name, because the gateway has no MongoDB driver on its class path. */
	private static boolean hasCauseNamed(Throwable error, String... typeNames) {
		for (Throwable current = error; current != null; current = current.getCause()) {
			for (Class<?> type = current.getClass(); type != null; type = type.getSuperclass()) {
				for (String name : typeNames) {
					if (type.getName().equals(name)) {
						return true;
					}
				}
			}
			if (current.getCause() == current) {
				break;
			}
		}
		return false;
	}

	@SuppressWarnings("unchecked")
	private static <T> T findCause(Throwable error, Class<T> type) {
		Throwable current = error;
		for (int depth = 0; current != null && depth < 10; depth++) {
			if (type.isInstance(current)) {
				return (T) current;
			}
			current = current.getCause();
		}
		return null;
	}
}
