package org.newsroom.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import javax.imageio.ImageIO;

import com.mongodb.client.model.Filters;
import org.junit.jupiter.api.BeforeEach;
import org.newsroom.platform.test.TestIdentityProvider;
import org.newsroom.platform.test.TestMongo;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * What every media-service API test shares: the service on a random port, its store on the
 * in-memory wire-protocol MongoDB, tokens from a WireMock-served key set, and helpers to upload
 * and read back. Subclasses share one application context (and database), so each test makes its
 * own photos (every {@link TestPhotos} file is distinct) and filters by its own values.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
public abstract class MediaApiTest {

	protected static final TestIdentityProvider identity = new TestIdentityProvider();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestMongo.register(registry);
		identity.register(registry);
	}

	@Autowired
	protected RestTestClient http;

	@Autowired
	protected MongoTemplate mongo;

	@LocalServerPort
	protected int port;

	private static volatile boolean keysFetched;

	/**
	 * The service fetches the signing keys on the first authenticated request and caches them.
	 * On a loaded machine that first fetch from WireMock can time out; one warm-up request, tried
	 * a few times, keeps that from failing whichever test happens to run first.
	 */
	@BeforeEach
	void fetchSigningKeysOnce() throws InterruptedException {
		for (int attempt = 0; !keysFetched && attempt < 5; attempt++) {
			int status = http.get().uri("/api/media/000000000000000000000000/original")
				.header(HttpHeaders.AUTHORIZATION, bearer(identity.editor()))
				.exchange()
				.returnResult(byte[].class)
				.getStatus()
				.value();
			keysFetched = status != 500;
			if (!keysFetched) {
				Thread.sleep(500);
			}
		}
	}

	protected RestTestClient.ResponseSpec upload(byte[] file, String metadataJson) {
		return upload(file, "photo.jpg", metadataJson, identity.editor());
	}

	protected RestTestClient.ResponseSpec upload(byte[] file, String filename, String metadataJson, String token) {
		return postPhoto("/api/media", file, filename, metadataJson, token);
	}

	/** A multipart POST of a photo file (and metadata, when not null) as an upload sends it. */
	protected RestTestClient.ResponseSpec postPhoto(String path, byte[] file, String filename, String metadataJson,
			String token) {
		MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		HttpHeaders fileHeaders = new HttpHeaders();
		fileHeaders.setContentType(MediaType.IMAGE_JPEG);
		form.add("file", new HttpEntity<>(new ByteArrayResource(file) {
			@Override
			public String getFilename() {
				return filename;
			}
		}, fileHeaders));
		if (metadataJson != null) {
			HttpHeaders jsonHeaders = new HttpHeaders();
			jsonHeaders.setContentType(MediaType.APPLICATION_JSON);
			form.add("metadata", new HttpEntity<>(metadataJson, jsonHeaders));
		}
		RestTestClient.RequestBodySpec request = http.post().uri(path).contentType(MediaType.MULTIPART_FORM_DATA);
		if (token != null) {
			request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		}
		return request.body(form).exchange();
	}

	/** Uploads, expects 201, and returns the created photo's JSON. */
	@SuppressWarnings("unchecked")
	protected Map<String, Object> uploaded(byte[] file, String metadataJson) {
		return upload(file, metadataJson).expectStatus().isCreated().expectBody(Map.class).returnResult()
			.getResponseBody();
	}

	protected String uploadedId(byte[] file) {
		return (String) uploaded(file, "{\"credit\": \"Yonhap\"}").get("id");
	}

	protected byte[] rendition(String id, String name) {
		return http.get().uri("/api/media/{id}/renditions/{name}", id, name).exchange()
			.expectStatus().isOk()
			.expectBody(byte[].class).returnResult().getResponseBody();
	}

	protected long storedRenditionFiles(String photoId) {
		return mongo.getCollection("rendition_files.files").countDocuments(Filters.eq("metadata.photoId", photoId));
	}

	protected long storedOriginalFiles(String sha256) {
		return mongo.getCollection("originals.files").countDocuments(Filters.eq("metadata.sha256", sha256));
	}

	protected static BufferedImage decode(byte[] bytes) {
		try {
			BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
			if (image == null) {
				throw new IllegalStateException("not an image");
			}
			return image;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	protected static String bearer(String token) {
		return "Bearer " + token;
	}
}
