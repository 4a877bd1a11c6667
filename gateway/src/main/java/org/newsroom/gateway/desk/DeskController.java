package org.newsroom.gateway.desk;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.newsroom.gateway.web.WebProperties;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ServerWebExchange;

/**
 * The desk's pages. The security chain (DeskSecurity) has already signed the editor in and
 * checked the editor role before any of these runs.
 */
@Controller
class DeskController {

	private static final DateTimeFormatter SHOWN = RevisionComparison.SHOWN;

	/** Stands for the list when the filters are refused before asking article-service. */
	private static final DeskStories.StoryList NOT_ASKED = new DeskStories.StoryList(List.of(), true, null, null);

	private final DeskStories stories;
	private final DeskRankings rankings;
	private final DeskPages pages;
	private final ZoneId newsroomZone;
	private final List<String> sections;

	DeskController(DeskStories stories, DeskRankings rankings, DeskPages pages, WebProperties web) {
		this.stories = stories;
		this.rankings = rankings;
		this.pages = pages;
		this.newsroomZone = web.timeZone();
		this.sections = web.sections();
	}

	/**
	 * The story list: newest first, narrowed by the form's status, section and search, one page
	 * at a time ({@link StoryFilters}). Filters the form cannot have sent get a 400 page that says
	 * which, with the form to fix them.
	 */
	@GetMapping({ "/desk", "/desk/" })
	Mono<ResponseEntity<byte[]>> storyList(ServerWebExchange exchange) {
		StoryFilters filters = StoryFilters.from(exchange.getRequest().getQueryParams());
		String problem = filters.problem(sections);
		return exchange.<OAuth2AuthenticationToken>getPrincipal()
			.flatMap(editor -> Mono.zip(problem == null ? stories.list(exchange, filters) : Mono.just(NOT_ASKED),
					rankings.panel())
				.flatMap(found -> {
					DeskStories.StoryList list = found.getT1();
					Map<String, Object> model = new HashMap<>();
					model.put("userName", editor.getName());
					model.put("admin", DeskUser.isAdmin(editor));
					model.put("filters", filters);
					model.put("statuses", StoryFilters.STATUSES);
					model.put("sections", sections);
					model.put("problem", problem);
					model.put("stories", list.rows().stream().map(this::line).toList());
					model.put("storiesAvailable", list.available());
					model.put("refused", list.refused());
					model.put("olderLink", list.nextCursor() != null ? filters.link(list.nextCursor()) : null);
					model.put("newestLink", filters.continued() ? filters.link(null) : null);
					model.put("top", found.getT2().top());
					model.put("trending", found.getT2().trending());
					HttpStatus status = problem != null || list.refused() != null ? HttpStatus.BAD_REQUEST : HttpStatus.OK;
					return pages.page(exchange, status, "desk", model);
				}))
			.onErrorResume(DeskTokens.SignedOut.class, gone -> DeskPages.signInAgain());
	}

	@GetMapping(DeskSecurity.SIGN_IN_FAILED)
	Mono<ResponseEntity<byte[]>> signInFailed(ServerWebExchange exchange) {
		return pages.page(exchange, HttpStatus.UNAUTHORIZED, "desk-sign-in-failed", Map.of());
	}

	/**
	 * A row as the page shows it; times in the newsroom's zone, named. {@code publishAt} and
	 * {@code embargoUntil} only while the story is scheduled: then they say when it goes out.
	 * {@code language} marks the headline, so a screen reader reads a Korean one as Korean.
	 */
	record Line(String id, String headline, String language, String section, String status, Time changed,
			String changedBy, Time publishAt, Time embargoUntil) {

		public boolean scheduled() {
			return "SCHEDULED".equals(status);
		}
	}

	/** A time for a {@code <time>} element: the instant, and as shown. */
	record Time(String instant, String shown) {
	}

	private Line line(DeskStories.Row row) {
		DeskStories.Story story = row.story();
		boolean scheduled = "SCHEDULED".equals(story.status());
		return new Line(story.id(), story.headline(), story.language(), story.section(), story.status(),
				time(story.updatedAt()),
				row.changedBy(), scheduled ? time(story.publishAt()) : null, scheduled ? time(story.embargoUntil()) : null);
	}

	private Time time(Instant instant) {
		return instant != null ? new Time(instant.toString(), SHOWN.format(instant.atZone(newsroomZone))) : null;
	}
}
