package org.newsroom.gateway.web;

import java.util.Map;

import org.newsroom.gateway.page.ArticlePage;
import org.newsroom.gateway.page.PageComposer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The reader's article page for an article the desk is editing: the same template and view as
 * {@code /news/{slug}} (WebEditionController), with {@code preview} set, which adds the
 * "Preview, not published" banner, keeps the page out of search engines and sends no view to
 * ranking-service. Never kept in the page cache: the caller answers it no-store.
 */
@Component
public class ArticlePreview {

	private final HtmlRenderer renderer;
	private final WebProperties settings;
	private final JsonMapper json;
	private final PageComposer composer;
	private final Site site;

	ArticlePreview(HtmlRenderer renderer, WebProperties settings, JsonMapper json, PageComposer composer,
			@Value("${newsroom.public-base-url}") String publicBaseUrl) {
		this.renderer = renderer;
		this.settings = settings;
		this.json = json;
		this.composer = composer;
		this.site = Site.of(settings, publicBaseUrl);
	}

	/** {@code editorLink}: where the banner's "back to the editor" goes. */
	public byte[] render(ServerWebExchange exchange, ArticlePage page, String editorLink) {
		ArticlePage shown = page.withTopIfMissing(composer.lastKnownTop().orElse(null));
		return renderer.render(exchange, "article", Map.of("site", site, "page",
				ArticleView.of(shown, settings.timeZone(), json), "preview", true, "editorLink", editorLink));
	}
}
