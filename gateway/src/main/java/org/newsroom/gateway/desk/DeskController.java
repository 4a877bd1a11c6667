package org.newsroom.gateway.desk;

import java.net.URI;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
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

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ENGLISH);

	private final DeskStories stories;
	private final DeskRankings rankings;
	private final DeskPages pages;
	private final ZoneId newsroomZone;

	DeskController(DeskStories stories, DeskRankings rankings, DeskPages pages, WebProperties web) {
		this.stories = stories;
		this.rankings = rankings;
		this.pages = pages;
		this.newsroomZone = web.timeZone();
	}

	@GetMapping({ "/desk", "/desk/" })
	Mono<ResponseEntity<byte[]>> storyList(ServerWebExchange exchange) {
		return exchange.<OAuth2AuthenticationToken>getPrincipal()
			.flatMap(editor -> Mono.zip(stories.newest(exchange), rankings.panel())
				.flatMap(found -> pages.page(exchange, HttpStatus.OK, "desk",
						Map.of("userName", editor.getName(), "admin", DeskUser.isAdmin(editor), "stories",
								found.getT1().rows().stream().map(this::line).toList(), "storiesAvailable",
								found.getT1().available(), "top", found.getT2().top(), "trending", found.getT2().trending()))))
			// the tokens are gone (revoked, refresh expired): a new sign-in gets new ones
			.onErrorResume(DeskTokens.SignedOut.class,
					gone -> Mono.just(ResponseEntity.status(HttpStatus.FOUND).location(URI.create(DeskSecurity.SIGN_IN)).build()));
	}

	@GetMapping(DeskSecurity.SIGN_IN_FAILED)
	Mono<ResponseEntity<byte[]>> signInFailed(ServerWebExchange exchange) {
		return pages.page(exchange, HttpStatus.UNAUTHORIZED, "desk-sign-in-failed", Map.of());
	}

	/** A row as the page shows it; times in the newsroom's zone, named. */
	record Line(String id, String headline, String section, String status, String changedAt, String changedAtShown,
			String changedBy) {
	}

	private Line line(DeskStories.Row row) {
		DeskStories.Story story = row.story();
		return new Line(story.id(), story.headline(), story.section(), story.status(),
				story.updatedAt() != null ? story.updatedAt().toString() : null,
				story.updatedAt() != null ? SHOWN.format(story.updatedAt().atZone(newsroomZone)) : null, row.changedBy());
	}
}
