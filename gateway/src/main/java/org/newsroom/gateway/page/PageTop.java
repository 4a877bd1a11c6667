package org.newsroom.gateway.page;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.newsroom.gateway.contract.Answer;
import org.newsroom.gateway.contract.TopList;
import org.newsroom.gateway.services.ServiceDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The Top list every page shows, held in memory: fetched from ranking-service in the background
 * every {@code top-refresh}, and on demand when what is held is older than {@code top-max-age}
 * (several pages asking at once share one fetch). Pages never wait on ranking-service while the
 * held list is current.
 *
 * <p>An article that stops being published leaves the list here at once ({@link #hide}, from
 * the change log), before ranking-service's next refresh drops it: no page is built with a
 * withdrawn story in its Top 10. {@link #version()} names what readers see of the list (ranks,
 * slugs, headlines) and whether it is current, so that the page cache can tell a page built with
 * an older list, or with a list that ranking-service has since stopped confirming: once a
 * background fetch fails, pages are composed with the Top 10 missing (the web edition then shows
 * the last one it had, the app JSON none), within a refresh of ranking-service going away.
 */
@Component
public class PageTop implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(PageTop.class);

	/** How long a hidden article stays hidden: far longer than ranking-service takes to drop it. */
	private static final Duration HIDDEN_FOR = Duration.ofMinutes(10);

	private record Held(Answer<TopList> list, Instant fetchedAt) {
	}

	private final ServiceCalls calls;
	private final ServiceDirectory services;
	private final PageProperties settings;
	private final JsonMapper json;
	private final Clock clock;

	private final AtomicReference<Held> held = new AtomicReference<>();
	private final Coalescing<String, Held> fetching = new Coalescing<>();
	private final Map<String, Instant> hidden = new ConcurrentHashMap<>();
	private volatile Disposable refresher;
	private volatile boolean failing;

	/** Counts changes of {@link #hidden}: a version computed before one is computed again. */
	private final AtomicInteger hiddenChanges = new AtomicInteger();

	/** {@link #version()} as last computed, for the list held and the hidden articles then. */
	private volatile Computed computed;

	private record Computed(Held held, int hiddenChanges, long version) {
	}

	PageTop(ServiceCalls calls, ServiceDirectory services, PageProperties settings, JsonMapper json) {
		this.calls = calls;
		this.services = services;
		this.settings = settings;
		this.json = json;
		this.clock = Clock.systemUTC();
	}

	/** The list for a page being composed, or a failed part when ranking-service cannot say. */
	Mono<PageComposer.Part<Answer<TopList>>> part() {
		Held current = held.get();
		if (current != null && !failing && !isOlderThan(current, settings.topMaxAge())) {
			return Mono.just(PageComposer.Part.present(visible(current.list())));
		}
		return fetch().map(fetched -> PageComposer.Part.present(visible(fetched.list())))
			.onErrorResume(error -> Mono.just(PageComposer.Part.unavailable()));
	}

	/**
	 * The last list fetched, if it is recent enough to show readers while ranking-service cannot
	 * answer ({@code last-known-top-age}).
	 */
	public Optional<Answer<TopList>> lastKnown() {
		Held last = held.get();
		if (last == null || PageComposer.needsStandIn(last.list()) || isOlderThan(last, settings.lastKnownTopAge())) {
			return Optional.empty();
		}
		return Optional.of(visible(last.list()));
	}

	/**
	 * What readers see of the list and whether it is current, as a number that changes when any
	 * of it changes (asked on every page served from the cache: computed once per change).
	 */
	public long version() {
		Held current = held.get();
		if (current == null) {
			return 0;
		}
		int changes = hiddenChanges.get();
		Computed known = computed;
		if (known == null || known.held() != current || known.hiddenChanges() != changes) {
			long version = 17;
			for (TopList.Item item : visible(current.list()).read().items()) {
				version = version * 31 + Objects.requireNonNullElse(item.articleId(), "").hashCode();
				version = version * 31 + Objects.requireNonNullElse(item.slug(), "").hashCode();
				version = version * 31 + Objects.requireNonNullElse(item.headline(), "").hashCode();
			}
			known = new Computed(current, changes, version == 0 ? 1 : version);
			computed = known;
		}
		// not the list's age: a refresh that is late under load must not make every page stale
		return failing ? ~known.version() : known.version();
	}

	/** The article is no longer published: out of the list on every page from now on. */
	public void hide(String articleId) {
		hidden.put(articleId, clock.instant().plus(HIDDEN_FOR));
		hiddenChanges.incrementAndGet();
	}

	/** The article is published (again). */
	public void show(String articleId) {
		if (hidden.remove(articleId) != null) {
			hiddenChanges.incrementAndGet();
		}
	}

	/** Drops the held list (tests start from nothing). */
	public void forget() {
		held.set(null);
	}

	private Mono<Held> fetch() {
		return fetching.run("top", () -> calls
			.get("page-top", settings.topTimeout(), services.ranking() + "/api/rankings/top?window=24h&limit={limit}",
					settings.topSize())
			.flatMap(Mono::justOrEmpty)
			.switchIfEmpty(Mono.error(() -> new IllegalStateException("ranking-service has no Top list")))
			.map(answer -> Answer.of(answer, TopList.class, json))
			.map(list -> {
				Held fetched = new Held(list, clock.instant());
				// a restarted ranking-service's empty stale list never replaces a real one
				if (!PageComposer.needsStandIn(list) || held.get() == null
						|| PageComposer.needsStandIn(held.get().list())) {
					held.set(fetched);
				}
				return fetched;
			}));
	}

	/**
	 * The list without hidden articles, ranks counted again: as read and as the JSON an app's page
	 * shows (items are read in the order ranking-service sent them, so the two stay in step).
	 */
	private Answer<TopList> visible(Answer<TopList> list) {
		if (hidden.isEmpty() || !(list.json() instanceof ObjectNode sent)) {
			return list;
		}
		Instant now = clock.instant();
		if (hidden.values().removeIf(until -> until.isBefore(now))) {
			hiddenChanges.incrementAndGet();
		}
		ObjectNode copy = sent.deepCopy();
		ArrayNode items = copy.putArray("items");
		List<TopList.Item> read = new ArrayList<>();
		List<TopList.Item> all = list.read().items();
		JsonNode sentItems = sent.path("items");
		for (int i = 0; i < all.size(); i++) {
			TopList.Item item = all.get(i);
			if (!hidden.containsKey(Objects.requireNonNullElse(item.articleId(), ""))) {
				ObjectNode kept = ((ObjectNode) sentItems.get(i)).deepCopy();
				kept.put("rank", read.size() + 1);
				items.add(kept);
				read.add(new TopList.Item(read.size() + 1, item.articleId(), item.slug(), item.headline()));
			}
		}
		return new Answer<>(new TopList(List.copyOf(read), list.read().stale()), copy);
	}

	private boolean isOlderThan(Held held, Duration age) {
		return held.fetchedAt().plus(age).isBefore(clock.instant());
	}

	@Override
	public void start() {
		if (settings.topRefresh().isZero()) {
			return;
		}
		refresher = Flux.interval(Duration.ZERO, settings.topRefresh())
			.onBackpressureDrop()
			.concatMap(tick -> fetch().doOnNext(list -> {
				if (failing) {
					log.info("ranking-service answers again: pages show the current Top list");
					failing = false;
				}
			}).onErrorResume(error -> {
				if (!failing) {
					log.warn("Cannot fetch the Top list; pages keep the last one for {}: {}", settings.lastKnownTopAge(),
							error.toString());
					failing = true;
				}
				return Mono.empty();
			}), 0)
			.subscribe();
	}

	@Override
	public void stop() {
		Disposable running = refresher;
		if (running != null) {
			running.dispose();
			refresher = null;
		}
	}

	@Override
	public boolean isRunning() {
		return refresher != null;
	}
}
