package org.newsroom.gateway.desk.editor;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.newsroom.gateway.desk.DeskPages;
import org.newsroom.gateway.desk.DeskTokens;
import org.newsroom.gateway.desk.DeskUser;
import org.newsroom.gateway.page.PageComposer;
import org.newsroom.gateway.web.ArticlePreview;
import org.newsroom.gateway.web.WebProperties;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ServerWebExchange;

/**
 * The story editor and its preview. The page is rendered with the story as article-service
 * answers it to the signed-in editor; saving, publishing and the rest are done by the page's
 * script (static/desk-story.js) through the desk's API relay, with the API's own contract
 * (docs/articles-api.md), so the server here only reads.
 */
@Controller
class StoryEditorController {

	private static final String EDITOR = "/desk/stories/";

	private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);


	/** One empty block of each type, for the page's "Add a block" (desk-story.js replaces the key). */
	private static final List<StoryForm.Block> BLOCK_TEMPLATES = List.of("paragraph", "heading", "quote", "image", "embed")
		.stream()
		.map(type -> new StoryForm.Block("__key__", type, null, null, null, null, null))
		.toList();

	private final EditorArticles articles;
	private final DeskPages pages;
	private final PageComposer composer;
	private final ArticlePreview preview;
	private final JsonMapper json;
	private final WebProperties web;

	StoryEditorController(EditorArticles articles, DeskPages pages, PageComposer composer, ArticlePreview preview,
			JsonMapper json, WebProperties web) {
		this.articles = articles;
		this.pages = pages;
		this.composer = composer;
		this.preview = preview;
		this.json = json;
		this.web = web;
	}

	@GetMapping(EDITOR + "new")
	Mono<ResponseEntity<byte[]>> newStory(ServerWebExchange exchange) {
		return editor(exchange, StoryForm.blank(web.sections().isEmpty() ? null : web.sections().get(0)));
	}

	@GetMapping(EDITOR + "{id}")
	Mono<ResponseEntity<byte[]>> story(@PathVariable String id, ServerWebExchange exchange) {
		return articles.read(id, exchange)
			.flatMap(article -> editor(exchange, StoryForm.of(json.treeToValue(article, EditedArticle.class), zone())))
			.switchIfEmpty(Mono.defer(() -> missing(exchange, id)))
			.onErrorResume(EditorArticles.ArticlesUnavailable.class, down -> unavailable(exchange))
			.onErrorResume(DeskTokens.SignedOut.class, gone -> DeskPages.signInAgain());
	}

	/**
	 * The reader's page for the story as it is saved now, draft or not: composed like
	 * {@code /news/{slug}} from the article read as the editor. Never stored (no-store), never
	 * indexed, and it sends no view to the Top lists.
	 */
	@GetMapping(EDITOR + "{id}/preview")
	Mono<ResponseEntity<byte[]>> preview(@PathVariable String id, ServerWebExchange exchange) {
		return articles.read(id, exchange)
			.flatMap(composer::articlePageOf)
			.map(page -> ResponseEntity.ok()
				.contentType(HTML)
				.cacheControl(CacheControl.noStore())
				.header(HttpHeaders.PRAGMA, "no-cache")
				.header("X-Robots-Tag", "noindex")
				.body(preview.render(exchange, page, EDITOR + id)))
			.switchIfEmpty(Mono.defer(() -> missing(exchange, id)))
			.onErrorResume(EditorArticles.ArticlesUnavailable.class, down -> unavailable(exchange))
			.onErrorResume(DeskTokens.SignedOut.class, gone -> DeskPages.signInAgain());
	}

	private Mono<ResponseEntity<byte[]>> editor(ServerWebExchange exchange, StoryForm story) {
		Map<String, Object> model = new HashMap<>();
		model.put("title", story.isNew() ? "New story" : "Edit: " + story.headline());
		model.put("story", story);
		model.put("sections", sections(story.section()));
		model.put("zone", zone().getId());
		model.put("zoneName", zone().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
		model.put("blockTemplates", BLOCK_TEMPLATES);
		return page(exchange, HttpStatus.OK, "desk-story", model);
	}

	/** A desk page with the signed-in editor in its bar. */
	private Mono<ResponseEntity<byte[]>> page(ServerWebExchange exchange, HttpStatus status, String template,
			Map<String, Object> model) {
		return exchange.<OAuth2AuthenticationToken>getPrincipal().flatMap(editor -> {
			Map<String, Object> withEditor = new HashMap<>(model);
			withEditor.put("userName", editor.getName());
			withEditor.put("admin", DeskUser.isAdmin(editor));
			return pages.page(exchange, status, template, withEditor);
		});
	}

	/** The configured sections, and the story's own if the configuration no longer has it. */
	private List<String> sections(String current) {
		List<String> sections = new ArrayList<>(web.sections());
		if (current != null && !sections.contains(current)) {
			sections.add(0, current);
		}
		return sections;
	}

	private Mono<ResponseEntity<byte[]>> missing(ServerWebExchange exchange, String id) {
		return page(exchange, HttpStatus.NOT_FOUND, "desk-story-unavailable",
				Map.of("title", "Story not found", "notFound", true, "storyId", id));
	}

	private Mono<ResponseEntity<byte[]>> unavailable(ServerWebExchange exchange) {
		return page(exchange, HttpStatus.SERVICE_UNAVAILABLE, "desk-story-unavailable",
				Map.of("title", "Story unavailable", "notFound", false, "storyId", ""));
	}


	private ZoneId zone() {
		return web.timeZone();
	}
}
