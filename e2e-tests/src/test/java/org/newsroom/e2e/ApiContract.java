package org.newsroom.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;

/**
 * Every answer the suite receives from the API is checked against the OpenAPI document the
 * running gateway publishes for it (/api-docs/articles, /api-docs/media, /api-docs/rankings and
 * its own /v3/api-docs), with Atlassian's swagger-request-validator: a status, a field, a null
 * or a content type the document does not declare fails the test that received it. Objects are
 * closed (the validator adds {@code additionalProperties: false}), so an undocumented field is
 * an error too. Paths and methods the documents do not list (the web edition, feeds, a 405 for
 * a method no operation has) are not the documents' business and are not checked.
 */
final class ApiContract {

	/** Which document describes a path: the first prefix that matches. */
	private static final Map<String, String> DOCUMENTS = Map.of("/api/articles", "/api-docs/articles", "/api/media",
			"/api-docs/media", "/api/rankings", "/api-docs/rankings", "/api/pages", "/v3/api-docs");

	private static final Map<String, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private ApiContract() {
	}

	/**
	 * Fails (AssertionError) when {@code response}, the answer to {@code method} on {@code uri},
	 * is not what the API's document says that operation answers.
	 */
	static void check(String method, URI uri, Client.Response response) {
		String path = uri.getRawPath();
		String document = document(path);
		if (document == null) {
			return;
		}
		List<String> faults = faults(validator(document), method, path, response);
		if (!faults.isEmpty()) {
			throw new AssertionError(method + " " + uri + " answered " + response.status() + ", which " + document
					+ " does not describe:\n  - " + String.join("\n  - ", faults) + "\nbody: " + abbreviate(response.body()));
		}
	}

	/** What in {@code response} to {@code method path} the document behind {@code validator} does not describe. */
	static List<String> faults(OpenApiInteractionValidator validator, String method, String path, Client.Response response) {
		SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.status());
		response.headers().forEach((name, values) -> {
			if (!name.startsWith(":")) {
				answer.withHeader(name, values);
			}
		});
		if (response.body() != null && !response.body().isEmpty()) {
			answer.withBody(response.body());
		}
		ValidationReport report = validator.validateResponse(path, Request.Method.valueOf(method), answer.build());
		return report.getMessages()
			.stream()
			.filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
			.map(message -> message.getKey() + ": " + message.getMessage())
			.toList();
	}

	/** A validator of answers for the document {@code json}; what the suite sends is not checked. */
	static OpenApiInteractionValidator validatorOf(String json) {
		return OpenApiInteractionValidator.createForInlineApiSpecification(json)
			.withLevelResolver(LevelResolver.create()
				// only the answers are checked here; what the suite sends on purpose is often wrong
				.withLevel("validation.request", ValidationReport.Level.IGNORE)
				.build())
			.build();
	}

	private static String document(String path) {
		for (Map.Entry<String, String> entry : DOCUMENTS.entrySet()) {
			if (path.equals(entry.getKey()) || path.startsWith(entry.getKey() + "/")) {
				return entry.getValue();
			}
		}
		return null;
	}

	private static OpenApiInteractionValidator validator(String document) {
		return VALIDATORS.computeIfAbsent(document, ApiContract::load);
	}

	/**
	 * Reads the four documents from the gateway, right after the stack has started and while every
	 * service is up (a test that stops one later still has its document). No retry: the documents
	 * are built when a service starts, and the gateway must serve them at once.
	 */
	static void loadAll() {
		for (String document : DOCUMENTS.values()) {
			validator(document);
		}
	}

	/** The document as the running gateway publishes it. */
	private static OpenApiInteractionValidator load(String document) {
		try {
			HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(LocalStack.GATEWAY + document))
				.timeout(Duration.ofSeconds(20))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (answer.statusCode() != 200) {
				throw new IllegalStateException(document + " answered " + answer.statusCode() + ": " + answer.body());
			}
			return validatorOf(answer.body());
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static String abbreviate(String body) {
		return body == null || body.length() <= 600 ? String.valueOf(body) : body.substring(0, 600) + "...";
	}
}
