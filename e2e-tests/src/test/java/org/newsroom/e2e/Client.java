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

	/** A GET to another address than the suite's gateway (a second gateway replica). */
	static Response getFrom(String base, String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20)));
	}

	static Response get(String path, String token) {
		return send(request(path, token).GET());
	}

	/**
	 * The body's bytes as sent, for binary answers (a photo's original, a rendition); null unless
	 * 200. The answer is checked against the API's document like every other (ApiContract).
	 */
	static byte[] bytes(String path, String token) {
		try {
			HttpRequest request = request(path, token).GET().build();
			HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
			if (checked(request.uri())) {
				String text = response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
						? new String(response.body(), StandardCharsets.UTF_8) : "";
				ApiContract.checkBytes(request.method(), request.uri(), request.headers().map(),
						new Response(response.statusCode(), response.headers().map(), text),
						text.isEmpty() ? response.body() : null);
			}
			return response.statusCode() == 200 ? response.body() : null;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	static Response send(String method, String path, String token, String json) {
		return send(request(path, token), method, json);
	}

	/** A write of the version {@code etag} names (optimistic concurrency: 412 if it is not current). */
	static Response sendIfMatch(String method, String path, String token, String etag, String json) {
		return send(request(path, token).header("If-Match", etag), method, json);
	}

	private static Response send(HttpRequest.Builder request, String method, String json) {
		request.header("Content-Type", "application/json");
		return send(request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofString(json)), json);
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
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), body.toString(StandardCharsets.ISO_8859_1));
	}

	/** A token from the real Keycloak, by the password grant the local realm allows for testing. */
	static String token(String username) {
		return tokenFrom("news", "news-web", username, username);
	}

	/** A token from any realm and client of the real Keycloak by the password grant (e.g. {@code master}'s admin-cli). */
	static String tokenFrom(String realm, String clientId, String username, String password) {
		return tokenByForm(realm, Map.of("client_id", clientId, "grant_type", "password", "username", username,
				"password", password));
	}

	/** A service account's token by the client-credentials grant (the {@code news-internal} client has role ingest). */
	static String serviceToken(String clientId, String secret) {
		return tokenByForm("news", Map.of("client_id", clientId, "grant_type", "client_credentials", "client_secret", secret));
	}

	private static String tokenByForm(String realm, Map<String, String> form) {
		Response response = send(HttpRequest.newBuilder(
				URI.create(LocalStack.KEYCLOAK + "/realms/" + realm + "/protocol/openid-connect/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form.entrySet()
				.stream()
				.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&")))));
		if (response.status() != 200) {
			throw new IllegalStateException("Keycloak refused a token in realm " + realm + ": " + response);
		}
		return response.json().get("access_token").asString();
	}

	/**
	 * Sends a request to the gateway byte for byte, as HTTP clients refuse to (raw CR/LF, raw
	 * non-ASCII, dot segments, broken framing), from the given loopback address (any of
	 * 127.0.0.0/8: the gateway's per-address limits then see separate clients), and reads the
	 * whole answer. The request should say {@code Connection: close}. If the gateway refuses the
	 * request before its body is sent (413 on the declared length), the answer is still read. The
	 * answer must be one the API's documents allow for the request line sent (ApiContract); the
	 * request itself is not checked, since such requests are meant to break the contract.
	 */
	static Response raw(String sourceAddress, byte[] request) {
		Response answer = rawExchange(sourceAddress, request);
		String line = new String(request, 0, Math.min(request.length, 64 * 1024), StandardCharsets.ISO_8859_1);
		int end = line.indexOf("\r\n");
		String[] parts = (end < 0 ? line : line.substring(0, end)).split(" ", 3);
		ApiContract.checkAnswer(parts[0], parts.length > 1 ? parts[1] : "", answer);
		return answer;
	}

	private static Response rawExchange(String sourceAddress, byte[] request) {
		URI gateway = URI.create(LocalStack.GATEWAY);
		try (java.net.Socket socket = new java.net.Socket()) {
			socket.bind(new java.net.InetSocketAddress(sourceAddress, 0));
			socket.connect(new java.net.InetSocketAddress("127.0.0.1", gateway.getPort()), 5000);
			socket.setSoTimeout(30_000);
			try {
				java.io.OutputStream out = socket.getOutputStream();
				for (int at = 0; at < request.length; at += 64 * 1024) {
					out.write(request, at, Math.min(64 * 1024, request.length - at));
				}
				out.flush();
			}
			catch (IOException refusedEarly) {
				// the gateway answered and closed before taking the whole body: read what it said
			}
			ByteArrayOutputStream answer = new ByteArrayOutputStream();
			try {
				socket.getInputStream().transferTo(answer);
			}
			catch (java.net.SocketException reset) {
				// a reset after the answer was written: keep what arrived
			}
			return parseRaw(answer.toByteArray());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static Response parseRaw(byte[] bytes) {
		String text = new String(bytes, StandardCharsets.ISO_8859_1);
		int end = text.indexOf("\r\n\r\n");
		if (end < 0) {
			throw new IllegalStateException("no HTTP answer: '" + text + "'");
		}
		String[] lines = text.substring(0, end).split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, java.util.List<String>> headers = new java.util.LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			headers.computeIfAbsent(lines[i].substring(0, colon).trim(), k -> new java.util.ArrayList<>())
				.add(lines[i].substring(colon + 1).trim());
		}
		byte[] body = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
		Response head = new Response(status, headers, "");
		if ("chunked".equalsIgnoreCase(head.header("Transfer-Encoding"))) {
			body = dechunk(body);
		}
		return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
	}

	private static byte[] dechunk(byte[] body) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int at = 0;
		while (at < body.length) {
			int lineEnd = at;
			while (lineEnd + 1 < body.length && !(body[lineEnd] == '\r' && body[lineEnd + 1] == '\n')) {
				lineEnd++;
			}
			String sizeText = new String(body, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
			int size = sizeText.isEmpty() ? 0 : Integer.parseInt(sizeText, 16);
			if (size == 0) {
				break;
			}
			int start = lineEnd + 2;
			out.write(body, start, Math.min(size, body.length - start));
			at = start + size + 2;
		}
		return out.toByteArray();
	}

	/** Whether the address is a gateway's: the suite's own, or the second replica (not Keycloak). */
	private static boolean checked(URI uri) {
		String address = uri.toString();
		return address.startsWith(LocalStack.GATEWAY + "/") || address.startsWith(SecondGateway.URL + "/");
	}

	private static HttpRequest.Builder request(String path, String token) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(LocalStack.GATEWAY + path))
			.timeout(Duration.ofSeconds(20));
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		return builder;
	}

	private static Response send(HttpRequest.Builder builder) {
		return send(builder, null);
	}

	/**
	 * Sends the request; an answer of a gateway (the suite's, or a second replica) must be what
	 * the API's OpenAPI document says, and a request it answered with success must be one the
	 * document accepts (ApiContract). {@code body} is what was sent, for that check.
	 */
	private static Response send(HttpRequest.Builder builder, String body) {
		try {
			HttpRequest request = builder.build();
			HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
			Response answer = new Response(response.statusCode(), response.headers().map(), response.body());
			if (checked(request.uri())) {
				ApiContract.check(request.method(), request.uri(), request.headers().map(), body, answer);
			}
			return answer;
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
