package org.newsroom.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Many readers at once, each connecting to the gateway from its own loopback address
 * (127.0.x.y; all of 127.0.0.0/8 is this machine on Linux), as readers on the internet come from
 * their own addresses. The gateway's per-client limits then apply to each reader, as designed,
 * instead of throttling one test client that stands in for thousands. Where only 127.0.0.1
 * exists (not Linux), every reader shares it, and the limits apply to all together.
 *
 * <p>Answers are read whole; transport failures (connection refused, reset) surface as
 * {@link UncheckedIOException}. Nothing is retried: a client must see what the edge answered.
 * Every answer is checked against the API's OpenAPI documents, and every request answered with
 * success against what they accept (ApiContract), as Client's are.
 */
final class LoopbackReaders implements AutoCloseable {

	/** Readers look like a browser: ranking-service does not count requests without a user agent, or from bots. */
	static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
			+ "Chrome/131.0 Safari/537.36 newsroom-e2e";

	private static final String LOCAL_ADDRESS = "newsroom.reader.address";

	private final URI base;
	private final List<Reader> readers;
	private final CloseableHttpClient http;
	private final AtomicInteger turn = new AtomicInteger();

	/** The first answer the API's documents do not allow, kept for close(): a worker thread may swallow it. */
	private final java.util.concurrent.atomic.AtomicReference<AssertionError> firstBreach = new java.util.concurrent.atomic.AtomicReference<>();

	/** One simulated reader: where it connects from. */
	record Reader(int number, InetAddress address) {
	}

	/** {@code headers} by lower-case name, the first of each; {@code allHeaders} as they came. */
	record Answer(int status, Map<String, String> headers, String body, Map<String, List<String>> allHeaders) {

		String header(String name) {
			return headers.get(name.toLowerCase(java.util.Locale.ROOT));
		}

		tools.jackson.databind.JsonNode json() {
			return Client.JSON.readTree(body);
		}

		@Override
		public String toString() {
			return status + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
		}
	}

	/** {@code count} readers of the gateway at {@code base}; addresses 127.0.{first..}.{1..250}. */
	LoopbackReaders(String base, int count, int firstSubnet) {
		this.base = URI.create(base);
		boolean spread = canBindLoopbackAliases();
		List<Reader> list = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			list.add(new Reader(i, spread ? loopback(firstSubnet + i / 250, 1 + i % 250) : loopback(0, 1)));
		}
		this.readers = List.copyOf(list);
		this.http = HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setMaxConnTotal(Math.max(64, count * 2))
				.setMaxConnPerRoute(spread ? 2 : 64)
				.setDefaultConnectionConfig(ConnectionConfig.custom()
					.setConnectTimeout(Timeout.ofSeconds(3))
					.setSocketTimeout(Timeout.ofSeconds(30))
					.setValidateAfterInactivity(TimeValue.ofMilliseconds(500))
					.build())
				.build())
			.setRoutePlanner(new DefaultRoutePlanner(DefaultSchemePortResolver.INSTANCE) {
				@Override
				protected InetAddress determineLocalAddress(HttpHost firstHop, HttpContext context) {
					return (InetAddress) context.getAttribute(LOCAL_ADDRESS);
				}
			})
			.setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(30)).build())
			.setUserAgent(BROWSER)
			.disableAutomaticRetries()
			.disableRedirectHandling()
			.disableCookieManagement()
			.disableContentCompression()
			.build();
	}

	int size() {
		return readers.size();
	}

	Reader get(int number) {
		return readers.get(number);
	}

	/** The readers in turn, for workers that share them. */
	Reader next() {
		return readers.get(Math.floorMod(turn.getAndIncrement(), readers.size()));
	}

	Answer get(Reader reader, String path) {
		return execute(reader, new HttpGet(base.resolve(path)));
	}

	Answer get(Reader reader, String path, String token) {
		HttpGet request = new HttpGet(base.resolve(path));
		request.setHeader("Authorization", "Bearer " + token);
		return execute(reader, request);
	}

	/** A page-view beacon as the web page sends it, for a visitor seen for the first time. */
	Answer view(Reader reader, String articleId) {
		return view(reader, articleId, newVisitorId());
	}

	Answer view(Reader reader, String articleId, String visitorId) {
		HttpPost request = new HttpPost(base.resolve("/api/rankings/views"));
		request.setHeader("X-Visitor-Id", visitorId);
		request.setEntity(new StringEntity("{\"articleId\": \"" + articleId + "\"}", ContentType.APPLICATION_JSON));
		return execute(reader, request);
	}

	Answer send(Reader reader, ClassicHttpRequest request) {
		return execute(reader, request);
	}

	URI uri(String path) {
		return base.resolve(path);
	}

	/** A fresh first-party visitor id, shaped like the page's {@code nr_vid} cookie. */
	static String newVisitorId() {
		return UUID.randomUUID().toString().replace("-", "");
	}

	private Answer execute(Reader reader, ClassicHttpRequest request) {
		HttpClientContext context = HttpClientContext.create();
		context.setAttribute(LOCAL_ADDRESS, reader.address());
		try {
			Map<String, List<String>> sentHeaders = new LinkedHashMap<>();
			for (Header header : request.getHeaders()) {
				sentHeaders.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(header.getValue());
			}
			// the bodies sent here are StringEntity, which can be read again
			String sentBody = request.getEntity() == null ? null
					: EntityUtils.toString(request.getEntity(), StandardCharsets.UTF_8);
			Answer answer = http.execute(request, context, response -> {
				Map<String, String> headers = new LinkedHashMap<>();
				Map<String, List<String>> all = new LinkedHashMap<>();
				for (Header header : response.getHeaders()) {
					headers.putIfAbsent(header.getName().toLowerCase(java.util.Locale.ROOT), header.getValue());
					all.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(header.getValue());
				}
				String body = response.getEntity() == null ? ""
						: EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
				return new Answer(response.getCode(), headers, body, all);
			});
			try {
				ApiContract.check(request.getMethod(), request.getUri(), sentHeaders, sentBody,
						new Client.Response(answer.status(), answer.allHeaders(), answer.body()));
			}
			catch (AssertionError breach) {
				firstBreach.compareAndSet(null, breach);
				throw breach;
			}
			return answer;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (java.net.URISyntaxException | org.apache.hc.core5.http.ParseException e) {
			throw new IllegalArgumentException(e);
		}
	}

	/** Closes the connections; fails if any answer broke the API's documents, even one a worker thread swallowed. */
	@Override
	public void close() {
		try {
			http.close();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		if (firstBreach.get() != null) {
			throw new AssertionError("an answer to these readers broke the API's documents", firstBreach.get());
		}
	}

	private static InetAddress loopback(int third, int fourth) {
		try {
			return InetAddress.getByAddress(new byte[] { 127, 0, (byte) third, (byte) fourth });
		}
		catch (UnknownHostException e) {
			throw new IllegalStateException(e);
		}
	}

	private static boolean canBindLoopbackAliases() {
		try (ServerSocket probe = new ServerSocket()) {
			probe.bind(new InetSocketAddress(loopback(0, 2), 0));
			return true;
		}
		catch (IOException e) {
			return false;
		}
	}
}
