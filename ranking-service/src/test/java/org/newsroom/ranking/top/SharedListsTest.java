package org.newsroom.ranking.top;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsroom.platform.test.TestMongo;
import org.newsroom.ranking.article.ArticleDirectory;
import org.newsroom.ranking.article.ArticleSummary;
import org.newsroom.ranking.config.RankingProperties;
import org.newsroom.ranking.counting.HourlyBuckets;
import org.newsroom.ranking.counting.Replica;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas (two refreshers, each with its own lists in memory, owner id and view of
 * article-service) on one store: a round is computed by one of them only, and both serve the
 * same lists.
 */
class SharedListsTest {

	static final List<String> ALL = List.of("1h", "6h", "24h", "7d", "30d", TopRefresher.TRENDING);

	static final RankingProperties PROPERTIES = new RankingProperties(List.of("world", "sports"), null, null,
			new RankingProperties.Top(Duration.ofSeconds(5), Duration.ofSeconds(30), 60, Duration.ofHours(24), 1.8,
					Duration.ofMillis(300)),
			new RankingProperties.Articles(Duration.ofSeconds(1), 1000, Duration.ofMinutes(10), Duration.ofSeconds(1)));

	static MongoClient client;

	MongoTemplate mongo;

	/** The articles article-service says are published, by id. */
	final Map<String, ArticleSummary> published = new ConcurrentHashMap<>();

	@BeforeAll
	static void connect() {
		client = MongoClients.create(TestMongo.uri());
	}

	@AfterAll
	static void disconnect() {
		client.close();
	}

	@BeforeEach
	void freshDatabase() {
		mongo = new MongoTemplate(client, "shared-" + UUID.randomUUID().toString().substring(0, 8));
	}

	/** One replica: what it sums, what it serves, what it counts. */
	class Node {

		final AtomicInteger aggregations = new AtomicInteger();

		volatile boolean articleServiceDown;

		volatile boolean storeDown;

		final SimpleMeterRegistry registry = new SimpleMeterRegistry();

		final TopLists lists = new TopLists(JsonMapper.builder().build(), Clock.systemUTC());

		final SharedLists shared;

		final TopRefresher refresher;

		Node(String owner) {
			BucketTotals totals = new BucketTotals(mongo) {
				@Override
				public List<Total> since(Instant from) {
					aggregations.incrementAndGet();
					return super.since(from);
				}

				@Override
				public List<Bucket> bucketsSince(Instant from) {
					aggregations.incrementAndGet();
					return super.bucketsSince(from);
				}
			};
			ArticleDirectory articles = new ArticleDirectory(null, PROPERTIES) {
				@Override
				public Mono<Map<String, ArticleSummary>> fresh(Collection<String> articleIds) {
					if (articleServiceDown) {
						return Mono.error(new IllegalStateException("article-service is down"));
					}
					Map<String, ArticleSummary> found = new LinkedHashMap<>();
					articleIds.stream().filter(published::containsKey).forEach(id -> found.put(id, published.get(id)));
					return Mono.just(found);
				}
			};
			StoredLists store = new StoredLists(mongo) {
				@Override
				Map<ListSet, Long> versions() {
					if (storeDown) {
						throw new IllegalStateException("the store does not answer");
					}
					return super.versions();
				}
			};
			shared = new SharedLists(store, lists, PROPERTIES, new Replica(owner), Clock.systemUTC(),
					registry);
			refresher = new TopRefresher(totals, articles, shared, PROPERTIES, Clock.systemUTC());
		}

		TopList list(String window, String section) {
			return lists.get(window, section, 50);
		}

		double rounds(String set) {
			return registry.get("ranking.top.rounds").tag("lists", set).counter().count();
		}
	}

	/** A published article with {@code views} views this hour. */
	String article(String section, long views) {
		String id = new ObjectId().toHexString();
		published.put(id, new ArticleSummary(id, "story-" + id, "Headline " + id, section, null, Instant.now()));
		mongo.getCollection(HourlyBuckets.COLLECTION)
			.insertOne(new Document(HourlyBuckets.ARTICLE_ID, id).append(HourlyBuckets.SECTION, section)
				.append(HourlyBuckets.HOUR, Date.from(Instant.now().truncatedTo(ChronoUnit.HOURS)))
				.append(HourlyBuckets.VIEWS, views));
		return id;
	}

	static List<String> ids(TopList list) {
		return list.items().stream().map(TopList.Entry::articleId).toList();
	}

	@Test
	void eachRoundIsComputedByOneReplicaAndBothServeTheSameLists() {
		Node a = new Node("ra");
		Node b = new Node("rb");
		String first = article("world", 5);
		String second = article("sports", 3);

		Instant now = Instant.now();
		for (int round = 0; round < 3; round++) {
			Instant at = now.plusSeconds(5L * round);
			// both replicas' refreshers find the round due; the order they get there varies
			(round % 2 == 0 ? a : b).refresher.refresh(ALL, at);
			(round % 2 == 0 ? b : a).refresher.refresh(ALL, at);
			a.shared.follow();
			b.shared.follow();
		}

		// the five windows summed by MongoDB and the trending buckets read, three rounds, by one replica
		assertThat(a.aggregations.get() + b.aggregations.get()).isEqualTo(3 * 6);
		assertThat(List.of(a.aggregations.get(), b.aggregations.get())).containsExactlyInAnyOrder(0, 18);
		assertThat(a.rounds("short") + b.rounds("short")).isEqualTo(3);
		assertThat(a.rounds("long") + b.rounds("long")).isEqualTo(3);
		for (Node node : List.of(a, b)) {
			// the lists served were computed "ten seconds from now" in this test
			assertThat(node.registry.get("ranking.top.lists.age").tag("lists", "short").gauge().value()).isBetween(-11.0,
					0.0);
		}
		for (String window : ALL) {
			for (String section : new String[] { null, "world", "sports" }) {
				TopList fromA = a.list(window, section);
				assertThat(fromA).isEqualTo(b.list(window, section));
				assertThat(fromA.stale()).isFalse();
				assertThat(fromA.generatedAt()).isEqualTo(now.plusSeconds(10).truncatedTo(ChronoUnit.MILLIS));
				assertThat(a.lists.json(window, section, 10).etag()).isEqualTo(b.lists.json(window, section, 10).etag());
			}
		}
		assertThat(ids(a.list("24h", null))).containsExactly(first, second);
		assertThat(ids(b.list("7d", "sports"))).containsExactly(second);
	}

	@Test
	void whenTheClaimantStopsRefreshingAnotherReplicaTakesOverOnceTheClaimExpires() {
		Node a = new Node("ra");
		Node b = new Node("rb");
		String story = article("world", 2);
		Instant now = Instant.now();

		a.refresher.refresh(ALL, now);
		b.refresher.refresh(ALL, now.plusSeconds(5));
		assertThat(b.aggregations.get()).isZero();

		// a stopped at its first round: its claims hold for three refresh periods
		Duration expired = PROPERTIES.top().longWindowRefresh().multipliedBy(ListSet.CLAIM_PERIODS).plusSeconds(1);
		b.refresher.refresh(ALL, now.plus(expired));
		assertThat(b.aggregations.get()).isEqualTo(6);
		// and a, come back, does not compute while b holds the claims
		int before = a.aggregations.get();
		a.refresher.refresh(ALL, now.plus(expired).plusSeconds(1));
		assertThat(a.aggregations.get()).isEqualTo(before);

		a.shared.follow();
		assertThat(a.list("1h", "world").generatedAt()).isEqualTo(now.plus(expired).truncatedTo(ChronoUnit.MILLIS));
		assertThat(ids(a.list("1h", "world"))).containsExactly(story);
	}

	@Test
	void aReplicaThatStopsLetsItsClaimsGoAtOnce() {
		Node a = new Node("ra");
		Node b = new Node("rb");
		article("world", 2);
		a.shared.start();
		Instant now = Instant.now();
		a.refresher.refresh(ALL, now);
		a.shared.stop();

		b.refresher.refresh(ALL, now.plusSeconds(5));
		assertThat(b.aggregations.get()).isEqualTo(6);
	}

	@Test
	void aReplicaStartingServesTheStoredListsBeforeItsFirstRound() {
		Node a = new Node("ra");
		String story = article("sports", 4);
		a.refresher.refresh(ALL, Instant.now());

		Node started = new Node("rc");
		assertThat(started.list("30d", null).generatedAt()).isNull();
		started.shared.start();
		try {
			assertThat(started.list("30d", null)).isEqualTo(a.list("30d", null));
			assertThat(ids(started.list("trending", "sports"))).containsExactly(story);
			assertThat(started.aggregations.get()).isZero();
		}
		finally {
			started.shared.stop();
		}
	}

	@Test
	void whenArticleServiceCannotAnswerTheStoredListsAreKeptMarkedStaleForEveryReplica() {
		Node a = new Node("ra");
		Node b = new Node("rb");
		String story = article("world", 7);
		Instant now = Instant.now();
		a.refresher.refresh(ALL, now);
		b.shared.follow();
		TopList good = b.list("6h", "world");

		a.articleServiceDown = true;
		a.refresher.refresh(ALL, now.plusSeconds(5));
		b.refresher.refresh(ALL, now.plusSeconds(5));
		b.shared.follow();

		for (Node node : Set.of(a, b)) {
			TopList stale = node.list("6h", "world");
			assertThat(stale.stale()).isTrue();
			assertThat(stale.generatedAt()).isEqualTo(good.generatedAt());
			assertThat(ids(stale)).containsExactly(story);
		}
		assertThat(b.aggregations.get()).isZero();

		a.articleServiceDown = false;
		a.refresher.refresh(ALL, now.plusSeconds(10));
		b.shared.follow();
		assertThat(b.list("6h", "world").stale()).isFalse();
		assertThat(b.list("6h", "world").generatedAt()).isAfter(good.generatedAt());
	}

	@Test
	void anArticleWithdrawnWhileAnotherReplicaComputedTheListsStaysOutOfThem() {
		Node a = new Node("ra");
		Node b = new Node("rb");
		String kept = article("world", 1);
		String withdrawn = article("world", 9);

		// a computes the lists a moment before the withdrawal; b hears of it before loading them
		a.refresher.refresh(ALL, Instant.now());
		published.remove(withdrawn);
		b.lists.drop(withdrawn);
		b.shared.follow();

		assertThat(ids(b.list("1h", "world"))).containsExactly(kept);
		assertThat(b.list("1h", "world").items().get(0).rank()).isEqualTo(1);
		assertThat(ids(b.list("30d", null))).containsExactly(kept);
	}

	@Test
	void anArticlePublishedAgainIsNoLongerLeftOutOfTheListsLoaded() {
		Node a = new Node("ra");
		Node b = new Node("rb");
		String story = article("world", 4);
		a.refresher.refresh(ALL, Instant.now());

		// b hears of a withdrawal and of the article published again before it loads a's lists,
		// which were computed before both and are right
		b.lists.drop(story);
		b.lists.published(story);
		b.shared.follow();
		assertThat(ids(b.list("1h", "world"))).containsExactly(story);
	}

	@Test
	void whileTheStoreCannotBeReadAReplicaServesItsListsMarkedStaleAndThenTheStoredOnesAgain() {
		Node a = new Node("ra");
		Node b = new Node("rb");
		String story = article("world", 3);
		a.refresher.refresh(ALL, Instant.now());
		b.shared.follow();
		TopList good = b.list("24h", null);

		b.storeDown = true;
		b.shared.follow();
		assertThat(b.list("24h", null).stale()).isTrue();
		assertThat(b.list("7d", "world").stale()).isTrue();
		assertThat(ids(b.list("24h", null))).containsExactly(story);

		// readable again, with no new round stored meanwhile: the same version is served fresh again
		b.storeDown = false;
		b.shared.follow();
		assertThat(b.list("24h", null)).isEqualTo(good);
		assertThat(b.list("7d", "world").stale()).isFalse();
	}

	@Test
	void twoReplicasClaimingTheSameRoundAtOnceNeverBothGetIt() throws Exception {
		StoredLists first = new StoredLists(mongo);
		StoredLists second = new StoredLists(mongo);
		Instant start = Instant.now();
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int contest = 0; contest < 30; contest++) {
				// each contest after the previous claim expired
				Instant now = start.plusSeconds(20L * contest);
				Instant until = now.plusSeconds(15);
				CountDownLatch go = new CountDownLatch(1);
				Future<Boolean> a = pool.submit(() -> {
					go.await();
					return first.claim(ListSet.SHORT, "ra-" + now, now, until);
				});
				Future<Boolean> b = pool.submit(() -> {
					go.await();
					return second.claim(ListSet.SHORT, "rb-" + now, now, until);
				});
				go.countDown();
				assertThat(List.of(a.get(), b.get())).as("contest %d", contest).containsExactlyInAnyOrder(true, false);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}
}
