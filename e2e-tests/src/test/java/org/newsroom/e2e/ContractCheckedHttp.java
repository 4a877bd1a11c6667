package org.newsroom.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

/**
 * The HTTP client under the generated API client ({@link ApiClientIT}): every request it sends
 * and every answer it gets goes through {@link ApiContract} like the suite's own ({@link Client}),
 * before the generated code reads the answer. The answer is read whole, checked, then handed to
 * the generated code's body handler as it arrived.
 */
final class ContractCheckedHttp extends HttpClient {

	private final HttpClient http;

	private ContractCheckedHttp(HttpClient http) {
		this.http = http;
	}

	/** A builder for the generated client's {@code setHttpClientBuilder}. */
	static HttpClient.Builder builder() {
		return new Builder(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)));
	}

	@Override
	public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
			throws IOException, InterruptedException {
		HttpResponse<byte[]> answer = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
		ApiContract.check(request.method(), request.uri(), request.headers().map(), body(request),
				new Client.Response(answer.statusCode(), answer.headers().map(),
						new String(answer.body(), StandardCharsets.UTF_8)));
		return new Checked<>(answer, handOn(answer, handler));
	}

	@Override
	public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
		return CompletableFuture.supplyAsync(() -> {
			try {
				return send(request, handler);
			}
			catch (IOException | InterruptedException e) {
				throw new IllegalStateException(e);
			}
		});
	}

	@Override
	public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
			HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
		return sendAsync(request, handler);
	}

	/** The request's body as text (the generated client sends JSON from a replayable publisher). */
	private static String body(HttpRequest request) {
		if (request.bodyPublisher().isEmpty() || request.bodyPublisher().get().contentLength() == 0) {
			return null;
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		CompletableFuture<Void> done = new CompletableFuture<>();
		request.bodyPublisher().get().subscribe(new Flow.Subscriber<>() {

			@Override
			public void onSubscribe(Flow.Subscription subscription) {
				subscription.request(Long.MAX_VALUE);
			}

			@Override
			public void onNext(ByteBuffer item) {
				byte[] chunk = new byte[item.remaining()];
				item.get(chunk);
				bytes.writeBytes(chunk);
			}

			@Override
			public void onError(Throwable throwable) {
				done.completeExceptionally(throwable);
			}

			@Override
			public void onComplete() {
				done.complete(null);
			}
		});
		done.join();
		return bytes.toString(StandardCharsets.UTF_8);
	}

	/** Gives the bytes already read to the body handler the caller asked for. */
	private static <T> T handOn(HttpResponse<byte[]> answer, HttpResponse.BodyHandler<T> handler) {
		HttpResponse.BodySubscriber<T> subscriber = handler.apply(new HttpResponse.ResponseInfo() {

			@Override
			public int statusCode() {
				return answer.statusCode();
			}

			@Override
			public HttpHeaders headers() {
				return answer.headers();
			}

			@Override
			public HttpClient.Version version() {
				return answer.version();
			}
		});
		subscriber.onSubscribe(new Flow.Subscription() {

			@Override
			public void request(long n) {
			}

			@Override
			public void cancel() {
			}
		});
		subscriber.onNext(List.of(ByteBuffer.wrap(answer.body())));
		subscriber.onComplete();
		return subscriber.getBody().toCompletableFuture().join();
	}

	/** The answer as read, with the body the caller's handler made of it. */
	private record Checked<T>(HttpResponse<byte[]> answer, T body) implements HttpResponse<T> {

		@Override
		public int statusCode() {
			return answer.statusCode();
		}

		@Override
		public HttpRequest request() {
			return answer.request();
		}

		@Override
		public Optional<HttpResponse<T>> previousResponse() {
			return Optional.empty();
		}

		@Override
		public HttpHeaders headers() {
			return answer.headers();
		}

		@Override
		public Optional<SSLSession> sslSession() {
			return answer.sslSession();
		}

		@Override
		public java.net.URI uri() {
			return answer.uri();
		}

		@Override
		public HttpClient.Version version() {
			return answer.version();
		}
	}

	@Override
	public Optional<CookieHandler> cookieHandler() {
		return http.cookieHandler();
	}

	@Override
	public Optional<Duration> connectTimeout() {
		return http.connectTimeout();
	}

	@Override
	public Redirect followRedirects() {
		return http.followRedirects();
	}

	@Override
	public Optional<ProxySelector> proxy() {
		return http.proxy();
	}

	@Override
	public SSLContext sslContext() {
		return http.sslContext();
	}

	@Override
	public SSLParameters sslParameters() {
		return http.sslParameters();
	}

	@Override
	public Optional<Authenticator> authenticator() {
		return http.authenticator();
	}

	@Override
	public HttpClient.Version version() {
		return http.version();
	}

	@Override
	public Optional<Executor> executor() {
		return http.executor();
	}

	/** Builds the JDK's client as asked and wraps it. */
	private record Builder(HttpClient.Builder jdk) implements HttpClient.Builder {

		@Override
		public HttpClient.Builder cookieHandler(CookieHandler cookieHandler) {
			jdk.cookieHandler(cookieHandler);
			return this;
		}

		@Override
		public HttpClient.Builder connectTimeout(Duration duration) {
			jdk.connectTimeout(duration);
			return this;
		}

		@Override
		public HttpClient.Builder sslContext(SSLContext sslContext) {
			jdk.sslContext(sslContext);
			return this;
		}

		@Override
		public HttpClient.Builder sslParameters(SSLParameters sslParameters) {
			jdk.sslParameters(sslParameters);
			return this;
		}

		@Override
		public HttpClient.Builder executor(Executor executor) {
			jdk.executor(executor);
			return this;
		}

		@Override
		public HttpClient.Builder followRedirects(Redirect policy) {
			jdk.followRedirects(policy);
			return this;
		}

		@Override
		public HttpClient.Builder version(HttpClient.Version version) {
			jdk.version(version);
			return this;
		}

		@Override
		public HttpClient.Builder priority(int priority) {
			jdk.priority(priority);
			return this;
		}

		@Override
		public HttpClient.Builder proxy(ProxySelector proxySelector) {
			jdk.proxy(proxySelector);
			return this;
		}

		@Override
		public HttpClient.Builder authenticator(Authenticator authenticator) {
			jdk.authenticator(authenticator);
			return this;
		}

		@Override
		public HttpClient build() {
			return new ContractCheckedHttp(jdk.build());
		}
	}
}
