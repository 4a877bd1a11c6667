package org.newsroom.gateway.web;

import java.time.Duration;

import org.newsroom.gateway.page.PageComposer;
import org.newsroom.platform.problem.ProblemException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.reactive.result.view.Rendering;

/**
 * The web edition readers see: server-rendered pages built from the same composition as the
 * app API, so they degrade the same way (no Top 10, no photo) and show an honest error page
 * when the article cannot be had.
 */
@Controller
class WebEditionController {

	private final PageComposer composer;
	private final WebProperties settings;
	private final JsonMapper json;
	private final Site site;

	WebEditionController(PageComposer composer, WebProperties settings, JsonMapper json,
			@Value("${newsroom.public-base-url}") String publicBaseUrl) {
		this.composer = composer;
		this.settings = settings;
		this.json = json;
		this.site = new Site(settings.siteName(), publicBaseUrl.replaceAll("/+$", ""),
				ArticleView.webLink(settings.lettersUrl()));
	}

	/** The paper's name and public address (titles, canonical links), and its letters page. */
	record Site(String name, String baseUrl, String lettersUrl) {
	}

	@GetMapping(path = "/news/{slug}", produces = MediaType.TEXT_HTML_VALUE)
	Mono<Rendering> article(@PathVariable String slug) {
		return composer.articlePage(slug)
			.map(page -> page.withTopIfMissing(composer.lastKnownTop().orElse(null)))
			.map(page -> Rendering.view("article")
				.modelAttribute("site", site)
				.modelAttribute("page", ArticleView.of(page, settings.timeZone(), json))
				.header(HttpHeaders.CACHE_CONTROL, cacheFor(page.degraded().isEmpty()))
				.build())
			.onErrorResume(ProblemException.class, this::errorPage);
	}

	@GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
	Mono<Rendering> home() {
		return composer.frontPage(settings.sections(), settings.perSection())
			.map(page -> page.withTopIfMissing(composer.lastKnownTop().orElse(null)))
			.map(page -> Rendering.view("home")
				.modelAttribute("site", site)
				.modelAttribute("page", FrontPageView.of(page, settings.timeZone()))
				.header(HttpHeaders.CACHE_CONTROL, cacheFor(page.degraded().isEmpty()))
				.build())
			.onErrorResume(ProblemException.class, this::errorPage);
	}

	private Mono<Rendering> errorPage(ProblemException problem) {
		HttpStatus status = problem.status();
		Rendering.Builder<?> page = Rendering.view("error")
			.status(status)
			.modelAttribute("site", site)
			.modelAttribute("status", status.value())
			.modelAttribute("notFound", status == HttpStatus.NOT_FOUND)
			.header(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
		if (problem.retryAfter() != null) {
			page.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, problem.retryAfter().toSeconds())));
		}
		return Mono.just(page.build());
	}

	/** A complete page may be cached briefly; a degraded one should be replaced soon. */
	private static String cacheFor(boolean complete) {
		return complete ? CacheControl.maxAge(Duration.ofSeconds(30)).cachePublic().getHeaderValue()
				: CacheControl.noStore().getHeaderValue();
	}
}
