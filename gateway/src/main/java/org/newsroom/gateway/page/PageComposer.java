package org.newsroom.gateway.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.newsroom.gateway.contract.Answer;
import org.newsroom.gateway.contract.Article;
import org.newsroom.gateway.contract.ArticleList;
import org.newsroom.gateway.contract.ArticleSummary;
import org.newsroom.gateway.contract.Photo;
import org.newsroom.gateway.contract.TopList;
import org.newsroom.gateway.edge.EdgeProblems;
import org.newsroom.gateway.edge.resilience.ServiceBreakers;
import org.newsroom.gateway.services.ServiceDirectory;
import org.newsroom.platform.observability.RequestLogContext;
import org.newsroom.platform.problem.FieldProblem;
import org.newsroom.platform.problem.ProblemException;
import org.newsroom.platform.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Builds pages from the three services. The article comes first (without it there is no page:
 * missing → 404, withdrawn → 410, article-service failing → 503); then the lead photo, the Top list and the
 * related articles are fetched in parallel, each behind its own circuit breaker and time limit.
 * A part that fails is left out and named, so the page degrades instead of failing, and the
 * whole page never takes longer than the article's limit plus the longest part limit. The answers
 * are read as the records of {@code contract/}, once per page composed.
 */
@Component
public class PageComposer {

	private static final Logger log = LoggerFactory.getLogger(PageComposer.class);

	/** Slugs are words of letters and digits joined by dashes; anything else cannot exist. */
	private static final Pattern SLUG = Pattern.compile("[\\p{L}\\p{N}]+(?:[-_][\\p{L}\\p{N}]+)*");

	static final int MAX_RELATED = 10;

	private final ServiceCalls calls;
	private final ServiceDirectory services;
	private final PageProperties settings;
	private final ServiceBreakers breakers;
	private final PageTop top;
	private final JsonMapper json;

	PageComposer(ServiceCalls calls, ServiceDirectory services, PageProperties settings, ServiceBreakers breakers,
			PageTop top, JsonMapper json) {
		this.calls = calls;
		this.services = services;
		this.settings = settings;
		this.breakers = breakers;
		this.top = top;
		this.json = json;
	}

	public Mono<ArticlePage> articlePage(String slug) {
		if (slug.length() > 200 || !SLUG.matcher(slug).matches()) {
			return Mono.error(Problems.notFound("Article '" + abbreviate(slug) + "'"));
		}
		return calls.get("page-article", settings.articleTimeout(), services.article() + "/api/articles/slug/{slug}", slug)
			// an answer that does not read as an article is as unusable as a 5xx
			.map(found -> found.map(article -> Answer.of(article, Article.class, json)))
			.onErrorResume(error -> Mono.deferContextual(context -> Mono.error(isWithdrawn(error)
					? new ProblemException(HttpStatus.GONE, "article-withdrawn", "Article withdrawn",
							"Article '" + slug + "' was withdrawn by the newsroom.")
					: articleServiceDown(context, error))))
			.flatMap(found -> found.map(this::withParts)
				.orElseGet(() -> Mono.error(Problems.notFound("Article '" + slug + "'"))));
	}

	/**
	 * The page for an article already read by the caller: the desk's preview reads a draft with
	 * the editor's token (readers' reads by slug see published articles only) and composes it with
	 * the same parts as readers' pages.
	 */
	public Mono<ArticlePage> articlePageOf(JsonNode article) {
		return withParts(Answer.of(article, Article.class, json));
	}

	private Mono<ArticlePage> withParts(Answer<Article> article) {
		Mono<Part<Answer<Photo>>> lead = leadImage(given(article.read().leadMediaId()));
		Mono<Part<List<Answer<ArticleSummary>>>> related = related(article.read().relatedIds());
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
				.map(answer -> new FrontPage.Section(section, answer.map(this::items).orElse(List.of()))),
					"latest " + section))
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

	/**
	 * A page of published articles, newest first, that {@code filter} selects, with the Top list.
	 * The list is the page: article-service failing is a 503, a cursor or query it refuses a 400.
	 * Searches go through their own breaker, so slow searches cannot shut the section pages.
	 */
	public Mono<ListPage> listPage(ListPage.Filter filter, String cursor, int size) {
		String url = services.article() + "/api/articles?" + filter.parameter() + "={value}&size={size}"
				+ (cursor != null ? "&cursor={cursor}" : "");
		Object[] variables = cursor != null ? new Object[] { filter.value(), size, cursor }
				: new Object[] { filter.value(), size };
		String breaker = filter.parameter().equals("q") ? "page-search" : "page-latest";
		Mono<ArticleList> list = calls.get(breaker, settings.articleTimeout(), url, variables)
			.map(found -> found.map(body -> json.treeToValue(body, ArticleList.class)).orElse(new ArticleList(List.of(), null)))
			.onErrorResume(error -> Mono.deferContextual(context -> Mono.error(
					error instanceof ServiceCalls.Refused refused && refused.status() == HttpStatus.BAD_REQUEST
							? Problems.badRequest("The list could not be read: its cursor or query is not valid.",
									List.of(new FieldProblem(cursor != null ? "cursor" : filter.parameter(), "not accepted by the article list")))
							: articleServiceDown(context, error))));
		return Mono.zip(list, top.part()).map(parts -> {
			List<String> degraded = new ArrayList<>();
			parts.getT2().noteIfFailed("top", degraded);
			List<Answer<ArticleSummary>> items = parts.getT1().items().stream()
				.map(item -> Answer.of(item, ArticleSummary.class, json))
				.toList();
			return new ListPage(items, given(parts.getT1().nextCursor()), parts.getT2().value(), List.copyOf(degraded));
		});
	}

	/** article-service says the article was published and then withdrawn (410 Gone). */
	private static boolean isWithdrawn(Throwable error) {
		return error instanceof ServiceCalls.Refused refused && refused.status() == HttpStatus.GONE;
	}

	private Mono<Part<Answer<Photo>>> leadImage(String mediaId) {
		if (mediaId == null) {
			return Mono.just(Part.absent());
		}
		return part(calls.get("page-lead-image", settings.leadImageTimeout(),
				services.media() + "/api/media/{id}", mediaId)
			// a photo taken down (rights, legal) is never shown, even if an article still names it
			.map(found -> found.map(media -> Answer.of(media, Photo.class, json)))
			.flatMap(found -> Mono.justOrEmpty(found.filter(media -> !media.read().takenDown()))),
				"lead image");
	}

	/**
	 * Whether a reader's page should show the last-known Top list instead of this one: there is
	 * none, or ranking-service answered an empty list marked stale, which is what it serves after a
	 * restart until its first refresh has worked (a fresh empty list is shown as it is).
	 */
	public static boolean needsStandIn(Answer<TopList> top) {
		return top == null || (top.read().stale() && top.read().items().isEmpty());
	}

	/**
	 * The last Top list fetched, if it is recent enough to show readers while ranking-service
	 * cannot answer ({@link PageTop#lastKnown()}).
	 */
	public Optional<Answer<TopList>> lastKnownTop() {
		return top.lastKnown();
	}

	private Mono<Part<List<Answer<ArticleSummary>>>> related(List<String> relatedIds) {
		List<String> ids = new ArrayList<>();
		for (String id : relatedIds) {
			if (id != null && ids.size() < MAX_RELATED) {
				ids.add(id);
			}
		}
		if (ids.isEmpty()) {
			return Mono.just(Part.present(List.of()));
		}
		return part(calls.get("page-related", settings.relatedTimeout(),
				services.article() + "/api/articles/summaries?ids={ids}", String.join(",", ids))
			.map(found -> found.map(this::items).orElse(List.<Answer<ArticleSummary>>of())), "related articles");
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

	/** A list page's items, each read as a summary and kept as sent. */
	private List<Answer<ArticleSummary>> items(JsonNode list) {
		return json.treeToValue(list, ArticleList.class).items().stream()
			.map(item -> Answer.of(item, ArticleSummary.class, json))
			.toList();
	}

	/** A text field that says something: null when absent or empty. */
	static String given(String text) {
		return text != null && !text.isEmpty() ? text : null;
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
