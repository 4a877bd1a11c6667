import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * Many readers at the same moment: java Stampede.java COUNT URL [URL...] sends COUNT GETs at
 * once, spread over the URLs in turn (the client opens a connection for each request still
 * waiting), and prints how the answers went: "status:count ... slowest_ms:N". JDK only, run as a
 * single source file.
 */
public class Stampede {

	public static void main(String[] args) throws Exception {
		int count = Integer.parseInt(args[0]);
		List<String> urls = List.of(args).subList(1, args.length);
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10)).build();
		long started = System.nanoTime();
		List<CompletableFuture<Integer>> answers = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			HttpRequest request = HttpRequest.newBuilder(URI.create(urls.get(i % urls.size())))
				.timeout(Duration.ofSeconds(30)).build();
			answers.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
				.thenApply(HttpResponse::statusCode)
				.exceptionally(error -> -1));
		}
		Map<Integer, Integer> statuses = new TreeMap<>();
		for (CompletableFuture<Integer> answer : answers) {
			statuses.merge(answer.get(), 1, Integer::sum);
		}
		StringBuilder line = new StringBuilder();
		statuses.forEach((status, n) -> line.append(status).append(':').append(n).append(' '));
		System.out.println(line.toString().trim() + " all_ms:" + (System.nanoTime() - started) / 1_000_000);
	}
}
