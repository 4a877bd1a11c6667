package org.newsroom.gateway.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.newsroom.gateway.edge.EdgeProblems;
import org.newsroom.gateway.edge.resilience.ServiceBreakers;
import org.newsroom.platform.observability.RequestLogContext;
import org.newsroom.platform.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/**
 * Builds pages from the three services. The article comes first (without it there is no page:
 * missing → 404, article-service failing → 503); then the lead photo, the Top list and the
 * related articles are fetched in parallel, each behind its own circuit breaker and time limit.
 * A part that fails is left out and named, so the page degrades instead of failing, and the
 * whole page never takes longer than the article's limit plus the longest part limit.
 */
@Component
public class PageComposer {

	private static final Logger log = LoggerFactory.getLogger(PageComposer.class);

	/** Slugs are words of letters and digits joined by dashes; anything else cannot exist. */
	private static final Pattern SLUG = Pattern.compile("[\\p{L}\\p{N}]+(?:[-_][\\p{L}\\p{N}]+)*");

	static final int MAX_RELATED = 10;

	private final ServiceCalls calls;
	private final ServiceLocations services;
	private final PageProperties settings;
	private final ServiceBreakers breakers;
	private final PageTop top;

	PageComposer(ServiceCalls calls, ServiceLocations services, PageProperties settings, ServiceBreakers breakers,
			PageTop top) {
		this.calls = calls;
		this.services = services;
		this.settings = settings;
		this.breakers = breakers;
		this.top = top;
	}

	public Mono<ArticlePage> articlePage(String slug) {
		if (slug.length() > 200 || !SLUG.matcher(slug).matches()) {
			return Mono.error(Problems.notFound("Article '" + abbreviate(slug) + "'"));
		}
		return calls.get("page-article", settings.articleTimeout(), services.article() + "/api/articles/slug/{slug}", slug)
			.onErrorResume(error -> Mono.deferContextual(context -> Mono.error(articleServiceDown(context, error))))
			.flatMap(found -> found.map(this::withParts)
				.orElseGet(() -> Mono.error(Problems.notFound("Article '" + slug + "'"))));
	}

	/**
	 * The page for an article already read by the caller: the desk's preview reads a draft with
	 * the editor's token (readers' reads by slug see published articles only) and composes it with
	 * the same parts as readers' pages.
	 */
	public Mono<ArticlePage> articlePageOf(JsonNode article) {
		return withParts(article);
	}

	private Mono<ArticlePage> withParts(JsonNode article) {
		Mono<Part<JsonNode>> lead = leadImage(text(article, "leadMediaId"));
		Mono<Part<List<JsonNode>>> related = related(article.path("relatedIds"));
		return Mono.zip(lead, top.part(), related).map(parts -> {
			List<String> degraded = new ArrayList<>();
			parts.getT1().noteIfFailed("leadImage", degraded);
			parts.getT2().noteIfFailed("top", degraded);
			parts.getT3().noteIfFailed("related", degraded);
			return new ArticlePage(article, parts.getT1().value(), parts.getT2().value(), parts.getT3().value(),
					List.copyOf(degraded));
		});
	}

	public Mono<FrontPage> frontPage(List<String> sections, int perSection) {
		Mono<List<Part<FrontPage.Section>>> latest = Flux.fromIterable(sections)
			.flatMapSequential(section -> part(calls.get("page-latest", settings.articleTimeout(),
					services.article() + "/api/articles?section={section}&size={size}", section, perSection)
				.map(answer -> new FrontPage.Section(section,
						answer.map(body -> list(body.path("items"))).orElse(List.of()))), "latest " + section))
			.collectList();
		return Mono.zip(latest, top.part()).flatMap(parts -> {
			List<String> degraded = new ArrayList<>();
			List<FrontPage.Section> shown = new ArrayList<>();
			for (int i = 0; i < parts.getT1().size(); i++) {
				Part<FrontPage.Section> section = parts.getT1().get(i);
				section.noteIfFailed("section:" + sections.get(i), degraded);
				if (section.value() != null && !section.value().articles().isEmpty()) {
					shown.add(section.value());
				}
			}
			if (!sections.isEmpty() && degraded.size() == sections.size()) {
				return Mono.error(EdgeProblems.serviceDown("article", breakers.retryAfter()));
			}
			parts.getT2().noteIfFailed("top", degraded);
			return Mono.just(new FrontPage(List.copyOf(shown), parts.getT2().value(), List.copyOf(degraded)));
		});
	}

	private Mono<Part<JsonNode>> leadImage(String mediaId) {
		if (mediaId == null) {
			return Mono.just(Part.absent());
		}
		return part(calls.get("page-lead-image", settings.leadImageTimeout(),
				services.media() + "/api/media/{id}", mediaId)
			// a photo taken down (rights, legal) is never shown, even if an article still names it
			.flatMap(found -> Mono.justOrEmpty(found.filter(media -> !"TAKEN_DOWN".equals(text(media, "status"))))),
				"lead image");
	}

	/**
	 * Whether a reader's page should show the last-known Top list instead of this one: there is
	 * none, or ranking-service answered an empty list marked stale, which is what it serves after a
	 * restart until its first refresh has worked (a fresh empty list is shown as it is).
	 */
	public static boolean needsStandIn(JsonNode top) {
		return top == null || (top.path("stale").asBoolean(false) && top.path("items").isEmpty());
	}

	/**
	 * The last Top list fetched, if it is recent enough to show readers while ranking-service
	 * cannot answer ({@link PageTop#lastKnown()}).
	 */
	public Optional<JsonNode> lastKnownTop() {
		return top.lastKnown();
	}

	private Mono<Part<List<JsonNode>>> related(JsonNode relatedIds) {
		List<String> ids = new ArrayList<>();
		for (JsonNode id : relatedIds) {
			if (id.isString() && ids.size() < MAX_RELATED) {
				ids.add(id.asString());
			}
		}
		if (ids.isEmpty()) {
			return Mono.just(Part.present(List.of()));
		}
		return part(calls.get("page-related", settings.relatedTimeout(),
				services.article() + "/api/articles/summaries?ids={ids}", String.join(",", ids))
			.map(found -> found.map(body -> list(body.path("items"))).orElse(List.of())), "related articles");
	}

	/** Turns a part's failure into a named gap, so the page can go on without it. */
	private static <T> Mono<Part<T>> part(Mono<T> fetch, String what) {
		return fetch.map(Part::present)
			.defaultIfEmpty(Part.absent())
			.onErrorResume(error -> Mono.deferContextual(context -> {
				RequestLogContext.log(context, () -> log.warn("Page part '{}' left out: {}", what, error.toString()));
				return Mono.just(Part.unavailable());
			}));
	}

	private Throwable articleServiceDown(ContextView context, Throwable error) {
		RequestLogContext.log(context, () -> log.warn("Article service failed for a page: {}", error.toString()));
		return EdgeProblems.serviceDown("article", breakers.retryAfter());
	}

	static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isString() && !value.asString().isEmpty() ? value.asString() : null;
	}

	private static List<JsonNode> list(JsonNode array) {
		List<JsonNode> items = new ArrayList<>();
		array.forEach(items::add);
		return List.copyOf(items);
	}

	private static String abbreviate(String text) {
		return text.length() > 40 ? text.substring(0, 40) + "…" : text;
	}

	/** A page part: its value (null when absent or failed) and whether fetching it failed. */
	record Part<T>(T value, boolean failed) {

		static <T> Part<T> present(T value) {
			return new Part<>(value, false);
		}

		static <T> Part<T> absent() {
			return new Part<>(null, false);
		}

		static <T> Part<T> unavailable() {
			return new Part<>(null, true);
		}

		void noteIfFailed(String name, List<String> degraded) {
			if (failed) {
				degraded.add(name);
			}
		}
	}
}
