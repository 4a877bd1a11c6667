package org.newsroom.e2e;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import com.mongodb.client.model.Filters;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpPut;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.bson.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A mixed workload through the gateway, as a newspaper's site sees it on a busy day: readers open
 * article pages (the web page and the app's page JSON) and send the page's view beacon, the Top 10
 * is read on its own, and an editor writes now and then (create, update with {@code If-Match},
 * publish). Optionally one service is restarted midway (graceful stop, start), as a deployment
 * would; the report then says what clients saw meanwhile.
 *
 * <p>Readers connect from their own loopback addresses ({@link LoopbackReaders}), so the gateway's
 * per-client limits apply per reader as in production; each reader sends at most one view beacon
 * per {@code --reader-pause}, and every beacon carries a new visitor id, so every 202 is a view
 * that must be stored. After the run the stored counts are read from ranking-service's store and
 * reconciled with the 202s, article by article.
 *
 * <p>Run from bench/load.sh, or directly (the stack must be up, from run-local.sh, with its embedded
 * stores on ports {@code NEWSROOM_STORE_PORT_BASE}+1..3 = 27101..27103):
 *
 * <pre>
 * java -cp ... org.newsroom.e2e.LoadDriver --duration 180s [--restart ranking-service] [--restart-at 0.33]
 *      [--warmup 0s] [--readers 400] [--reader-pause 0ms] [--page-workers 8] [--top-workers 2]
 *      [--beacon-workers 4] [--breaker-wait 10s] [--state-dir .run-local] [--root .]
 * </pre>
 */
final class LoadDriver {

	/** What a request was. */
	enum Kind {
		PAGE_HTML("page html"), PAGE_JSON("page json"), TOP("top 10"), VIEW("view beacon"), CREATE("create"),
		UPDATE("update"), PUBLISH("publish");

		final String label;

		Kind(String label) {
			this.label = label;
		}
	}

	static final List<String> SERVICES = List.of("gateway", "article-service", "media-service", "ranking-service");

	/** What answers 503 may honestly carry while a service is away (docs/architecture.md, "When something is down"). */
	static Set<Kind> dependsOn(String service) {
		return switch (service) {
			case "ranking-service" -> Set.of(Kind.TOP, Kind.VIEW);
			// publishing checks the photo's credit with media-service; without it, publish waits (503)
			case "media-service" -> Set.of(Kind.PUBLISH);
			case "article-service" -> Set.of(Kind.PAGE_HTML, Kind.PAGE_JSON, Kind.CREATE, Kind.UPDATE, Kind.PUBLISH);
			default -> throw new IllegalArgumentException("the load driver restarts article-service, media-service "
					+ "or ranking-service, not " + service);
		};
	}

	/** How a service is stopped and started: run-local.sh, or the suite's {@link LocalStack}. */
	interface ServiceControl {

		void stop(String service);

		void start(String service);
	}

	record Options(Duration duration, Duration warmup, String restart, double restartAt, int readers,
			Duration readerPause, int pageWorkers, int topWorkers, int beaconWorkers, Duration breakerWait,
			Path stateDirectory, int firstSubnet, int articles) {

		static Options defaults() {
			return new Options(Duration.ofSeconds(180), Duration.ZERO, null, 0.33, 400, Duration.ZERO, 8, 2, 4,
					Duration.ofSeconds(10), Path.of(".run-local"), 20, 6);
		}

		/** Options as on the command line ({@code --duration 20s --restart ranking-service ...}); the rest default. */
		static Options parse(String... args) {
			Map<String, String> given = new java.util.HashMap<>();
			for (int i = 0; i < args.length; i += 2) {
				if (!args[i].startsWith("--") || i + 1 >= args.length) {
					throw new IllegalArgumentException("options come as --name value pairs: " + Arrays.toString(args));
				}
				given.put(args[i].substring(2), args[i + 1]);
			}
			Options d = defaults();
			String restart = given.remove("restart");
			Options options = new Options(duration(given.remove("duration"), d.duration),
					duration(given.remove("warmup"), d.warmup),
					restart == null || restart.isBlank() || restart.equals("none") ? null : restart,
					number(given.remove("restart-at"), d.restartAt), (int) number(given.remove("readers"), d.readers),
					duration(given.remove("reader-pause"), d.readerPause),
					(int) number(given.remove("page-workers"), d.pageWorkers),
					(int) number(given.remove("top-workers"), d.topWorkers),
					(int) number(given.remove("beacon-workers"), d.beaconWorkers),
					duration(given.remove("breaker-wait"), d.breakerWait),
					given.containsKey("state-dir") ? Path.of(given.remove("state-dir")) : d.stateDirectory,
					(int) number(given.remove("first-subnet"), d.firstSubnet),
					(int) number(given.remove("articles"), d.articles));
			given.remove("root");
			if (!given.isEmpty()) {
				throw new IllegalArgumentException("unknown options " + given.keySet());
			}
			if (options.restart != null) {
				dependsOn(options.restart);
			}
			return options;
		}

		private static double number(String text, double otherwise) {
			return text == null ? otherwise : Double.parseDouble(text);
		}

		private static Duration duration(String text, Duration otherwise) {
			return text == null ? otherwise : duration(text);
		}

		private static Duration duration(String text) {
			String t = text.trim().toLowerCase(java.util.Locale.ROOT);
			if (t.endsWith("ms")) {
				return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
			}
			if (t.endsWith("m")) {
				return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
			}
			return Duration.ofSeconds(Long.parseLong(t.endsWith("s") ? t.substring(0, t.length() - 1) : t));
		}
	}

	public static void main(String[] args) {
		Path root = Path.of(".");
		for (int i = 0; i + 1 < args.length; i++) {
			if (args[i].equals("--root")) {
				root = Path.of(args[i + 1]);
			}
		}
		Options options = Options.parse(args);
		Report report = run(options, new RunLocalScript(root.toAbsolutePath().normalize()));
		report.print(System.out);
		System.exit(report.passed() ? 0 : 1);
	}

	/** Stops and starts services with run-local.sh, in the environment this program got (state dir, ports). */
	record RunLocalScript(Path root) implements ServiceControl {

		@Override
		public void stop(String service) {
			script("--stop-service", service);
		}

		@Override
		public void start(String service) {
			script("--start-service", service);
		}

		private void script(String action, String service) {
			try {
				Process process = new ProcessBuilder(root.resolve("run-local.sh").toString(), action, service)
					.directory(root.toFile())
					.inheritIO()
					.start();
				if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
					throw new IllegalStateException("run-local.sh " + action + " " + service + " failed");
				}
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

	// ------------------------------------------------------------------ the run

	static Report run(Options options, ServiceControl control) {
		return new LoadDriver(options, control).run();
	}

	private final Options options;
	private final ServiceControl control;
	private final Map<Kind, Samples> samples = new EnumMap<>(Kind.class);
	private final Map<String, LongAdder> accepted = new ConcurrentHashMap<>();
	private final Map<String, LongAdder> unexpected = new ConcurrentHashMap<>();
	private final List<String> unexpectedExamples = java.util.Collections.synchronizedList(new ArrayList<>());
	private final Map<String, LongAdder> duringRestart = new ConcurrentHashMap<>();
	private final Map<String, LongAdder> degradedOutsideRestart = new ConcurrentHashMap<>();
	private final AtomicReference<Restart> restart = new AtomicReference<>();
	private final AtomicLong firstFullPageAfterRestart = new AtomicLong(-1);
	private volatile boolean finished;
	private volatile long measureFrom;
	private final long origin = System.nanoTime();

	private String editorToken;
	private long editorTokenAt;
	private String photoId;
	private List<String> articleIds;
	private List<String> slugs;

	/** When the restarted service was stopped and was back (nanos since origin; back = -1 while away). */
	record Restart(String service, long stopIssued, long stopped, long back, String failure) {
	}

	private LoadDriver(Options options, ServiceControl control) {
		this.options = options;
		this.control = control;
		for (Kind kind : Kind.values()) {
			samples.put(kind, new Samples());
		}
	}

	private Report run() {
		try (LoopbackReaders readers = new LoopbackReaders(LocalStack.GATEWAY, options.readers, options.firstSubnet)) {
			setUp(readers);
			List<ServiceMemory> before = memory();
			ExecutorService workers = Executors.newFixedThreadPool(
					options.pageWorkers + options.topWorkers + options.beaconWorkers + 1);
			DelayQueue<Turn> beaconTurns = new DelayQueue<>();
			for (int i = 0; i < readers.size(); i++) {
				beaconTurns.add(new Turn(readers.get(i), System.nanoTime()));
			}
			measureFrom = now() + options.warmup.toNanos();
			for (int i = 0; i < options.pageWorkers; i++) {
				workers.submit(guarded(() -> pages(readers)));
			}
			for (int i = 0; i < options.topWorkers; i++) {
				workers.submit(guarded(() -> topReads(readers)));
			}
			for (int i = 0; i < options.beaconWorkers; i++) {
				workers.submit(guarded(() -> beacons(readers, beaconTurns)));
			}
			workers.submit(guarded(() -> editor(readers)));
			Thread restarter = null;
			if (options.restart != null) {
				restarter = new Thread(this::restartMidway, "restart-" + options.restart);
				restarter.start();
			}
			sleepUntil(measureFrom + options.duration.toNanos());
			if (restarter != null) {
				join(restarter);
				// clients must see the service fully back (its breakers closed) before the run may end
				sleepUntil(restart.get().back + options.breakerWait.toNanos() + TimeUnit.SECONDS.toNanos(3));
			}
			long measuredNanos = now() - measureFrom;
			finished = true;
			workers.shutdown();
			awaitQuietly(workers);
			Map<String, Long> stored = awaitStoredViews();
			List<ServiceMemory> after = memory();
			return report(measuredNanos, stored, before, after);
		}
	}

	/** A worker that dies (an answer it could not read) is a finding, not a silent gap in the load. */
	private Runnable guarded(Runnable worker) {
		return () -> {
			try {
				worker.run();
			}
			catch (RuntimeException e) {
				unexpected.computeIfAbsent("worker stopped", k -> new LongAdder()).increment();
				unexpectedExamples.add("worker stopped: " + e);
			}
		};
	}

	// ------------------------------------------------------------------ set-up

	private void setUp(LoopbackReaders readers) {
		refreshEditorToken();
		Client.Response photo;
		try {
			photo = Client.upload("/api/media", editorToken, NewsroomFlowIT.jpeg(1200, 800), "load-photo.jpg",
					"{\"caption\": \"Commuters crossing Gwanghwamun Square.\", \"altText\": \"A busy square\", "
							+ "\"credit\": \"Yonhap\"}");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		// the same photo again (an earlier run on this stack) is the photo already stored: 200
		require(photo.status() == 201 || photo.status() == 200, "photo upload", photo);
		photoId = photo.json().get("id").asString();
		articleIds = new ArrayList<>();
		slugs = new ArrayList<>();
		String run = Long.toString(System.currentTimeMillis(), 36);
		for (int i = 0; i < options.articles; i++) {
			ObjectNode article = article("Load " + run + ": story " + (i + 1) + " of a busy news day");
			if (!articleIds.isEmpty()) {
				article.putArray("relatedIds").add(articleIds.get(articleIds.size() - 1));
			}
			Client.Response created = Client.send("POST", "/api/articles", editorToken, article.toString());
			require(created.status() == 201, "article create", created);
			String id = created.json().get("id").asString();
			Client.Response published = Client.send("POST", "/api/articles/" + id + "/publish", editorToken, null);
			require(published.status() == 200, "article publish", published);
			articleIds.add(id);
			slugs.add(published.json().get("slug").asString());
			accepted.put(id, new LongAdder());
		}
		// every part of every page answers before the clock starts
		for (String slug : slugs) {
			LoopbackReaders.Answer page = readers.get(readers.get(0), "/api/pages/articles/" + slug);
			require(page.status() == 200, "page", page);
		}
	}

	private ObjectNode article(String headline) {
		ObjectNode article = Client.JSON.createObjectNode()
			.put("headline", headline)
			.put("section", List.of("national", "world", "business", "sports").get(
					ThreadLocalRandom.current().nextInt(4)))
			.put("summary", "A story from the load driver.")
			.put("source", "Yonhap")
			.put("leadMediaId", photoId);
		article.putArray("byline").add("Load Desk");
		var body = article.putArray("body");
		for (int p = 0; p < 6; p++) {
			body.addObject()
				.put("type", "paragraph")
				.put("text", "Paragraph " + (p + 1) + " of a story long enough to look like news, with *some* "
						+ "inline markup and a few facts about the city's buses, trains and ferries.");
		}
		return article;
	}

	private synchronized void refreshEditorToken() {
		// Keycloak's access tokens live five minutes in the news realm; take a fresh one well before
		if (editorToken == null || now() - editorTokenAt > TimeUnit.SECONDS.toNanos(60)) {
			editorToken = Client.token("editor1");
			editorTokenAt = now();
		}
	}

	// ------------------------------------------------------------------ workers

	private void pages(LoopbackReaders readers) {
		boolean html = ThreadLocalRandom.current().nextBoolean();
		while (!finished) {
			String slug = slugs.get(ThreadLocalRandom.current().nextInt(slugs.size()));
			Kind kind = html ? Kind.PAGE_HTML : Kind.PAGE_JSON;
			html = !html;
			long started = now();
			LoopbackReaders.Answer answer = call(readers, kind, started,
					() -> readers.get(readers.next(), (kind == Kind.PAGE_HTML ? "/news/" : "/api/pages/articles/") + slug));
			if (answer == null || answer.status() != 200) {
				continue;
			}
			List<String> degraded = new ArrayList<>();
			if (kind == Kind.PAGE_JSON) {
				answer.json().get("degraded").forEach(part -> degraded.add(part.asString()));
			}
			else if (String.valueOf(answer.header("Cache-Control")).contains("no-store")) {
				// the web page names no parts; a degraded one is marked not to be cached
				degraded.add("some part (not cached)");
			}
			noteDegraded(kind, started, degraded);
		}
	}

	private void topReads(LoopbackReaders readers) {
		String[] queries = { "", "?window=1h", "?window=7d", "?section=national", "?limit=50" };
		while (!finished) {
			String query = queries[ThreadLocalRandom.current().nextInt(queries.length)];
			call(readers, Kind.TOP, now(), () -> readers.get(readers.next(), "/api/rankings/top" + query));
		}
	}

	private void beacons(LoopbackReaders readers, DelayQueue<Turn> turns) {
		while (!finished) {
			Turn turn;
			try {
				turn = turns.poll(100, TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException e) {
				return;
			}
			if (turn == null) {
				continue;
			}
			String articleId = articleIds.get(ThreadLocalRandom.current().nextInt(articleIds.size()));
			LoopbackReaders.Answer answer = call(readers, Kind.VIEW, now(), () -> readers.view(turn.reader, articleId));
			if (answer != null && answer.status() == 202) {
				accepted.get(articleId).increment();
			}
			turns.add(new Turn(turn.reader, System.nanoTime() + options.readerPause.toNanos()));
		}
	}

	/** Now and then a story: drafted, revised with If-Match, published. */
	private void editor(LoopbackReaders readers) {
		LoopbackReaders.Reader desk = readers.get(0);
		int written = 0;
		while (!finished) {
			try {
				refreshEditorToken();
			}
			catch (RuntimeException e) {
				record(Kind.CREATE, now(), -1, e);
				pause(1000);
				continue;
			}
			String token = editorToken;
			ObjectNode draft = article("Load desk: developing story number " + (++written));
			HttpPost create = new HttpPost(readers.uri("/api/articles"));
			create.setHeader("Authorization", "Bearer " + token);
			create.setEntity(new StringEntity(draft.toString(), ContentType.APPLICATION_JSON));
			LoopbackReaders.Answer created = call(readers, Kind.CREATE, now(), () -> readers.send(desk, create));
			if (created != null && created.status() == 201) {
				String id = created.json().get("id").asString();
				draft.put("deck", "Updated as the story develops.");
				HttpPut update = new HttpPut(readers.uri("/api/articles/" + id));
				update.setHeader("Authorization", "Bearer " + token);
				update.setHeader("If-Match", created.header("ETag"));
				update.setEntity(new StringEntity(draft.toString(), ContentType.APPLICATION_JSON));
				LoopbackReaders.Answer updated = call(readers, Kind.UPDATE, now(), () -> readers.send(desk, update));
				if (updated != null && updated.status() == 200) {
					HttpPost publish = new HttpPost(readers.uri("/api/articles/" + id + "/publish"));
					publish.setHeader("Authorization", "Bearer " + token);
					call(readers, Kind.PUBLISH, now(), () -> readers.send(desk, publish));
				}
			}
			pause(1000);
		}
	}

	/** Sends one request and files its outcome; null when it failed in transport or was not a success. */
	private LoopbackReaders.Answer call(LoopbackReaders readers, Kind kind, long started,
			java.util.function.Supplier<LoopbackReaders.Answer> request) {
		LoopbackReaders.Answer answer;
		try {
			answer = request.get();
		}
		catch (RuntimeException e) {
			record(kind, started, -1, e);
			return null;
		}
		record(kind, started, answer.status(), answer);
		return answer;
	}

	private void record(Kind kind, long started, int status, Object detail) {
		long finished = now();
		long elapsed = finished - started;
		if (started >= measureFrom) {
			samples.get(kind).add(elapsed);
		}
		if (successful(kind, status)) {
			return;
		}
		String what = kind.label + " " + (status < 0 ? "transport failure" : Integer.toString(status));
		if (excused(kind, status, started, finished)) {
			duringRestart.computeIfAbsent(what, k -> new LongAdder()).increment();
			return;
		}
		unexpected.computeIfAbsent(what, k -> new LongAdder()).increment();
		if (unexpectedExamples.size() < 20) {
			unexpectedExamples.add(String.format("at %.1f s of the run: %s: %s", (started - measureFrom) / 1e9, what, detail));
		}
	}

	private static boolean successful(Kind kind, int status) {
		return switch (kind) {
			case VIEW -> status == 202;
			case CREATE -> status == 201;
			default -> status == 200;
		};
	}

	/**
	 * A 503 for something that depends on the restarted service, for a request under way while
	 * it was stopping, away, or its breakers were still open.
	 */
	private boolean excused(Kind kind, int status, long started, long finished) {
		Restart current = restart.get();
		return status == 503 && current != null && dependsOn(current.service).contains(kind)
				&& finished >= current.stopIssued && inRestartWindow(current, Math.max(started, current.stopIssued));
	}

	private boolean inRestartWindow(Restart current, long at) {
		long end = current.back < 0 ? Long.MAX_VALUE : current.back + options.breakerWait.toNanos() + TimeUnit.SECONDS.toNanos(2);
		return at >= current.stopIssued && at <= end;
	}

	private void noteDegraded(Kind kind, long started, List<String> degraded) {
		Restart current = restart.get();
		boolean during = current != null && inRestartWindow(current, started);
		if (degraded.isEmpty()) {
			if (current != null && current.back >= 0 && started >= current.back && kind == Kind.PAGE_JSON) {
				firstFullPageAfterRestart.compareAndSet(-1, started - current.back);
			}
			return;
		}
		for (String part : degraded) {
			String what = kind.label + " without " + part;
			(during ? duringRestart : degradedOutsideRestart).computeIfAbsent(what, k -> new LongAdder()).increment();
		}
	}

	private void restartMidway() {
		sleepUntil(measureFrom + (long) (options.duration.toNanos() * options.restartAt));
		String service = options.restart;
		long issued = now();
		restart.set(new Restart(service, issued, -1, -1, null));
		try {
			control.stop(service);
			long stopped = now();
			restart.set(new Restart(service, issued, stopped, -1, null));
			control.start(service);
			restart.set(new Restart(service, issued, stopped, now(), null));
		}
		catch (RuntimeException e) {
			restart.set(new Restart(service, issued, -1, now(), e.toString()));
		}
	}

	// ------------------------------------------------------------------ after the run

	/** The stored views of each article, once they stop changing or match (flushes happen every second). */
	private Map<String, Long> awaitStoredViews() {
		long deadline = now() + TimeUnit.SECONDS.toNanos(20);
		Map<String, Long> stored = storedViews();
		while (now() < deadline && !stored.equals(acceptedViews())) {
			pause(500);
			stored = storedViews();
		}
		return stored;
	}

	private Map<String, Long> acceptedViews() {
		Map<String, Long> views = new TreeMap<>();
		accepted.forEach((id, count) -> views.put(id, count.sum()));
		return views;
	}

	private Map<String, Long> storedViews() {
		return Stores.read("ranking-service", db -> {
			Map<String, Long> views = new TreeMap<>();
			articleIds.forEach(id -> views.put(id, 0L));
			for (Document bucket : db.getCollection("hourly_views").find(Filters.in("articleId", articleIds))) {
				views.merge(bucket.getString("articleId"), bucket.get("views", Number.class).longValue(), Long::sum);
			}
			return views;
		});
	}

	private List<ServiceMemory> memory() {
		return SERVICES.stream().map(service -> ServiceMemory.measure(options.stateDirectory, service)).toList();
	}

	private Report report(long measuredNanos, Map<String, Long> stored, List<ServiceMemory> before,
			List<ServiceMemory> after) {
		Map<Kind, Figures> figures = new EnumMap<>(Kind.class);
		samples.forEach((kind, s) -> figures.put(kind, s.figures(measuredNanos)));
		return new Report(options, measureFrom, measuredNanos, figures, sums(unexpected), List.copyOf(unexpectedExamples),
				sums(duringRestart), sums(degradedOutsideRestart), restart.get(), firstFullPageAfterRestart.get(),
				acceptedViews(), stored, before, after);
	}

	private static Map<String, Long> sums(Map<String, LongAdder> counters) {
		Map<String, Long> sums = new TreeMap<>();
		counters.forEach((key, count) -> sums.put(key, count.sum()));
		return sums;
	}

	/** Requests of one kind in the measured period. */
	record Figures(long requests, double perSecond, double p50Millis, double p99Millis, double maxMillis) {
	}

	/** Everything the run found; {@link #print} writes it for people. */
	record Report(Options options, long measureFromNanos, long measuredNanos, Map<Kind, Figures> figures, Map<String, Long> unexpected,
			List<String> unexpectedExamples, Map<String, Long> duringRestart, Map<String, Long> degradedOutsideRestart,
			Restart restart, long firstFullPageAfterRestartNanos, Map<String, Long> viewsAccepted,
			Map<String, Long> viewsStored, List<ServiceMemory> memoryBefore, List<ServiceMemory> memoryAfter) {

		long totalAccepted() {
			return viewsAccepted.values().stream().mapToLong(Long::longValue).sum();
		}

		long totalStored() {
			return viewsStored.values().stream().mapToLong(Long::longValue).sum();
		}

		boolean viewsReconciled() {
			return viewsAccepted.equals(viewsStored);
		}

		long unexpectedCount() {
			return unexpected.values().stream().mapToLong(Long::longValue).sum();
		}

		boolean passed() {
			return unexpectedCount() == 0 && viewsReconciled() && (restart == null || restart.failure == null);
		}

		void print(PrintStream out) {
			double seconds = measuredNanos / 1e9;
			out.printf("%n== load: %.0f s measured%s, %d readers, workers %d page / %d top / %d beacon / 1 editor%n",
					seconds, options.warmup.isZero() ? "" : " after " + options.warmup.toSeconds() + " s warm-up",
					options.readers, options.pageWorkers, options.topWorkers, options.beaconWorkers);
			out.printf("%-12s %9s %9s %9s %9s %9s%n", "kind", "requests", "per s", "p50 ms", "p99 ms", "max ms");
			long total = 0;
			for (Map.Entry<Kind, Figures> entry : figures.entrySet()) {
				Figures f = entry.getValue();
				total += f.requests;
				out.printf("%-12s %9d %9.1f %9.1f %9.1f %9.1f%n", entry.getKey().label, f.requests, f.perSecond,
						f.p50Millis, f.p99Millis, f.maxMillis);
			}
			out.printf("%-12s %9d %9.1f%n", "all", total, total / seconds);
			out.printf("unexpected answers: %d %s%n", unexpectedCount(), unexpected.isEmpty() ? "" : unexpected);
			unexpectedExamples.forEach(example -> out.println("  " + example));
			if (!degradedOutsideRestart.isEmpty()) {
				out.println("degraded pages with every service up (a part over its time limit): " + degradedOutsideRestart);
			}
			if (restart != null) {
				out.printf("restart of %s at %.1f s: stop took %.1f s, start took %.1f s%s%n", restart.service,
						(restart.stopIssued - measureFromNanos) / 1e9,
						restart.stopped < 0 ? Double.NaN : (restart.stopped - restart.stopIssued) / 1e9,
						restart.stopped < 0 || restart.back < 0 ? Double.NaN : (restart.back - restart.stopped) / 1e9,
						restart.failure == null ? "" : "; FAILED: " + restart.failure);
				out.println("  what clients saw meanwhile (until breakers closed): " + duringRestart);
				out.println("  first complete page JSON after the service was back: "
						+ (firstFullPageAfterRestartNanos < 0 ? "none" : String.format("+%.1f s", firstFullPageAfterRestartNanos / 1e9)));
			}
			out.printf("views accepted (202) %d, stored %d: %s%n", totalAccepted(), totalStored(),
					viewsReconciled() ? "reconciled, article by article" : "MISMATCH " + viewsAccepted + " vs " + viewsStored);
			out.printf("%-16s %8s %14s %14s %12s %12s%n", "memory", "pid", "heap before", "heap after", "rss before",
					"rss after");
			for (int i = 0; i < memoryBefore.size(); i++) {
				ServiceMemory b = memoryBefore.get(i);
				ServiceMemory a = memoryAfter.get(i);
				out.printf("%-16s %8s %11d MB %11d MB %9d MB %9d MB%n", b.service(),
						b.pid() == a.pid() ? Long.toString(a.pid()) : b.pid() + "→" + a.pid(), mb(b.heapUsedKb()),
						mb(a.heapUsedKb()), mb(b.rssKb()), mb(a.rssKb()));
			}
			out.println(passed() ? "== PASSED: no unexpected answer, every accepted view stored"
					: "== FAILED: see above");
		}

		private static long mb(long kb) {
			return kb < 0 ? -1 : Math.round(kb / 1024.0);
		}
	}

	/** Response times of one kind, in nanoseconds. */
	static final class Samples {

		private long[] values = new long[1 << 14];
		private int size;

		synchronized void add(long nanos) {
			if (size == values.length) {
				values = Arrays.copyOf(values, size * 2);
			}
			values[size++] = nanos;
		}

		synchronized Figures figures(long measuredNanos) {
			if (size == 0) {
				return new Figures(0, 0, 0, 0, 0);
			}
			long[] sorted = Arrays.copyOf(values, size);
			Arrays.sort(sorted);
			return new Figures(size, size / (measuredNanos / 1e9), sorted[(int) ((size - 1) * 0.50)] / 1e6,
					sorted[(int) ((size - 1) * 0.99)] / 1e6, sorted[size - 1] / 1e6);
		}
	}

	/** A reader's next chance to send a view beacon. */
	record Turn(LoopbackReaders.Reader reader, long readyAt) implements Delayed {

		@Override
		public long getDelay(TimeUnit unit) {
			return unit.convert(readyAt - System.nanoTime(), TimeUnit.NANOSECONDS);
		}

		@Override
		public int compareTo(Delayed other) {
			return Long.compare(readyAt, ((Turn) other).readyAt);
		}
	}

	// ------------------------------------------------------------------ small things

	/** Time since the driver started, in nanoseconds ({@link Turn} delays use the raw clock). */
	private long now() {
		return System.nanoTime() - origin;
	}

	private void sleepUntil(long at) {
		long left = at - now();
		if (left > 0) {
			pause(TimeUnit.NANOSECONDS.toMillis(left) + 1);
		}
	}

	private static void require(boolean condition, String what, Object answer) {
		if (!condition) {
			throw new IllegalStateException("load set-up failed at " + what + ": " + answer);
		}
	}

	private static void join(Thread thread) {
		try {
			thread.join();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private static void awaitQuietly(ExecutorService workers) {
		try {
			if (!workers.awaitTermination(60, TimeUnit.SECONDS)) {
				workers.shutdownNow();
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
