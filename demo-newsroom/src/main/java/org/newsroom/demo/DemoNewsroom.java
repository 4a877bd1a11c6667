package org.newsroom.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Loads the demo newsroom into a running platform the way a newsroom would fill it: an editor
 * uploads each photo with its caption and credit, writes the article and publishes it (so the
 * publishing guard checks every credit), and a collector sends a day of page views as a batch.
 * Everything goes through the gateway's public API; nothing is written behind a service's back.
 *
 * <pre>java -jar demo-newsroom/target/demo-newsroom.jar [--gateway URL] [--keycloak URL] [--force]</pre>
 *
 * Without {@code --force} it does nothing when demo articles are already published.
 */
public final class DemoNewsroom {

	static final String DEMO_TAG = "demo";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	private final String gateway;
	private final String keycloak;
	private final String internalSecret;

	DemoNewsroom(String gateway, String keycloak, String internalSecret) {
		this.gateway = gateway;
		this.keycloak = keycloak;
		this.internalSecret = internalSecret;
	}

	public static void main(String[] args) {
		String gateway = "http://localhost:8080";
		String keycloak = "http://localhost:8180";
		boolean force = false;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--gateway" -> gateway = args[++i];
				case "--keycloak" -> keycloak = args[++i];
				case "--force" -> force = true;
				default -> {
					System.err.println("usage: DemoNewsroom [--gateway URL] [--keycloak URL] [--force]");
					System.exit(2);
				}
			}
		}
		String secret = System.getenv().getOrDefault("NEWS_INTERNAL_CLIENT_SECRET", "news-internal-local-secret");
		DemoNewsroom demo = new DemoNewsroom(gateway, keycloak, secret);
		if (!force && demo.alreadyLoaded()) {
			System.out.println("[demo] the demo newsroom is already published; nothing to do (--force loads it again)");
			return;
		}
		Summary summary = demo.load();
		System.out.printf("[demo] wrote %d articles (published, one draft, one scheduled) with %d photos and sent %d page views%n", summary.articles(),
				summary.photos(), summary.views());
	}

	record Summary(int articles, int photos, int views, List<String> articleIds) {
	}

	boolean alreadyLoaded() {
		JsonNode page = json(send(request("/api/articles?tag=" + DEMO_TAG + "&size=1").GET(), 200));
		return page.path("items").size() > 0;
	}

	Summary load() {
		String editor = passwordToken("editor1");
		JsonNode content = readContent();
		List<String> articleIds = new ArrayList<>();
		ArrayNode views = JSON.createArrayNode();
		Random random = new Random(20261127L);
		int photos = 0;
		for (JsonNode story : content.get("articles")) {
			String key = story.get("key").asString();
			JsonNode photo = story.get("photo");
			String mediaId = uploadPhoto(editor, key, photo);
			photos++;
			String status = story.path("status").asString("PUBLISHED");
			String articleId = writeArticle(editor, story, mediaId, status);
			articleIds.add(articleId);
			System.out.printf("[demo] %-9s %-60s %s%n", status.toLowerCase(Locale.ROOT), story.get("headline").asString(),
					articleId);
			int count = story.path("views").asInt(0);
			for (int v = 0; v < count; v++) {
				ObjectNode view = views.addObject();
				view.put("articleId", articleId);
				view.put("visitorId", "demo-visitor-" + random.nextInt(5000));
				view.put("at", Instant.now().minusSeconds(60 + random.nextInt(20 * 3600)).toString());
			}
		}
		int sent = sendViews(views);
		return new Summary(articleIds.size(), photos, sent, articleIds);
	}

	private String uploadPhoto(String token, String key, JsonNode photo) {
		ObjectNode metadata = JSON.createObjectNode();
		for (String field : List.of("caption", "altText", "credit", "creator")) {
			metadata.put(field, photo.get(field).asString());
		}
		byte[] jpeg = DemoPhotos.jpeg(photo.get("scene").asString(), key);
		String boundary = "demo-" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + key
				+ ".jpg\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(jpeg);
		body.writeBytes(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n"
				+ "Content-Type: application/json\r\n\r\n" + metadata + "\r\n--" + boundary + "--\r\n")
			.getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = send(request("/api/media").header("Authorization", "Bearer " + token)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), 200, 201);
		return json(response).get("id").asString();
	}

	/** Writes the story as a draft, then publishes it now, or schedules it for tomorrow morning, or neither. */
	private String writeArticle(String token, JsonNode story, String mediaId, String status) {
		ObjectNode draft = JSON.createObjectNode();
		for (String field : List.of("headline", "deck", "summary", "section", "source", "dateline", "language")) {
			if (story.has(field)) {
				draft.put(field, story.get(field).asString());
			}
		}
		draft.set("tags", story.get("tags"));
		draft.set("byline", story.get("byline"));
		draft.set("body", story.get("body"));
		draft.put("leadMediaId", mediaId);
		String id = json(send(request("/api/articles").header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(draft.toString())), 201)).get("id").asString();
		String publish = switch (status) {
			case "DRAFT" -> null;
			case "SCHEDULED" -> "{\"at\": \"" + Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS) + "\"}";
			case "PUBLISHED" -> "{}";
			default -> throw new IllegalArgumentException("A demo story cannot start as " + status);
		};
		if (publish != null) {
			send(request("/api/articles/" + id + "/publish").header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(publish)), 200);
		}
		return id;
	}

	private int sendViews(ArrayNode views) {
		String ingest = clientToken();
		ObjectNode batch = JSON.createObjectNode();
		batch.set("views", views);
		send(request("/api/rankings/views/batch").header("Authorization", "Bearer " + ingest)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(batch.toString())), 200, 202);
		return views.size();
	}

	private String passwordToken(String user) {
		return token(Map.of("client_id", "news-web", "grant_type", "password", "username", user, "password", user));
	}

	private String clientToken() {
		return token(Map.of("client_id", "news-internal", "client_secret", internalSecret, "grant_type",
				"client_credentials"));
	}

	private String token(Map<String, String> form) {
		String encoded = form.entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create(keycloak + "/realms/news/protocol/openid-connect/token"))
			.timeout(Duration.ofSeconds(20))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(encoded));
		return json(send(request, 200)).get("access_token").asString();
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30));
	}

	/** Sends, retrying a few times on 503 and connection errors (a service may still be warming up). */
	private HttpResponse<String> send(HttpRequest.Builder request, int... expected) {
		HttpRequest built = request.build();
		for (int attempt = 1;; attempt++) {
			try {
				HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
				for (int status : expected) {
					if (response.statusCode() == status) {
						return response;
					}
				}
				if (response.statusCode() != 503 || attempt >= 5) {
					throw new IllegalStateException(built.method() + " " + built.uri() + " answered "
							+ response.statusCode() + ": " + response.body());
				}
			}
			catch (IOException e) {
				if (attempt >= 5) {
					throw new UncheckedIOException(built.method() + " " + built.uri() + " failed", e);
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
			sleep(Duration.ofSeconds(attempt));
		}
	}

	private static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	static JsonNode readContent() {
		try (InputStream in = DemoNewsroom.class.getResourceAsStream("/demo-newsroom.json")) {
			return JSON.readTree(in);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
