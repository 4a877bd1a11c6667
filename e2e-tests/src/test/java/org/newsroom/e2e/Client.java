package org.newsroom.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the suite: everything goes through the gateway, as a reader or an app would. */
final class Client {

	static final JsonMapper JSON = JsonMapper.builder().build();
	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private Client() {
	}

	record Response(int status, Map<String, java.util.List<String>> headers, String body) {

		JsonNode json() {
			return JSON.readTree(body);
		}

		String header(String name) {
			return headers.entrySet()
				.stream()
				.filter(e -> e.getKey().equalsIgnoreCase(name))
				.map(e -> e.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

		@Override
		public String toString() {
			return status + " " + body;
		}
	}

	static Response get(String path, String token) {
		return send(request(path, token).GET());
	}

	static Response send(String method, String path, String token, String json) {
		HttpRequest.Builder request = request(path, token).header("Content-Type", "application/json");
		return send(request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofString(json)));
	}

	/** A multipart upload of one file and a JSON part, the way the media API takes photos. */
	static Response upload(String path, String token, byte[] file, String filename, String metadataJson) {
		String boundary = "newsroom-" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		try {
			body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
					+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
			body.write(file);
			body.write(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n"
					+ "Content-Type: application/json\r\n\r\n" + metadataJson + "\r\n--" + boundary + "--\r\n")
				.getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return send(request(path, token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	/** A token from the real Keycloak, by the password grant the local realm allows for testing. */
	static String token(String username) {
		Map<String, String> form = Map.of("client_id", "news-web", "grant_type", "password", "username", username,
				"password", username);
		Response response = send(HttpRequest.newBuilder(
				URI.create(LocalStack.KEYCLOAK + "/realms/news/protocol/openid-connect/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form.entrySet()
				.stream()
				.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&")))));
		if (response.status() != 200) {
			throw new IllegalStateException("Keycloak refused a token for " + username + ": " + response);
		}
		return response.json().get("access_token").asString();
	}

	private static HttpRequest.Builder request(String path, String token) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(LocalStack.GATEWAY + path))
			.timeout(Duration.ofSeconds(20));
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		return builder;
	}

	private static Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers().map(), response.body());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
