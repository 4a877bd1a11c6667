package org.newsroom.gateway.desk;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.newsroom.gateway.contract.Article;
import org.newsroom.gateway.web.WebProperties;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;

/**
 * A story's history: its revisions (who, when, what they did, which fields) and the difference
 * between two versions the editor chooses, by default the latest and the one before.
 */
@Controller
class HistoryController {

	private final DeskHistory history;
	private final DeskPages pages;
	private final ZoneId newsroomZone;
	private final RevisionComparison comparison;
	private final JsonMapper json;

	HistoryController(DeskHistory history, DeskPages pages, WebProperties web, JsonMapper json) {
		this.history = history;
		this.pages = pages;
		this.newsroomZone = web.timeZone();
		this.comparison = new RevisionComparison(web.timeZone());
		this.json = json;
	}

	/** A revision as the list shows it. */
	record Entry(long version, String action, String by, DeskController.Time at, String fields, String compareLink) {
	}

	/** A version the editor can choose for the comparison. */
	record Choice(long version, String label) {
	}

	@GetMapping("/desk/stories/{id}/history")
	Mono<ResponseEntity<byte[]>> history(@PathVariable String id, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, ServerWebExchange exchange) {
		return exchange.<OAuth2AuthenticationToken>getPrincipal().flatMap(editor -> {
			Map<String, Object> model = new HashMap<>();
			model.put("userName", editor.getName());
			model.put("admin", DeskUser.isAdmin(editor));
			model.put("id", id);
			if (!id.matches("[0-9a-f]{24}")) {
				return pages.page(exchange, HttpStatus.NOT_FOUND, "desk-history", withState(model, "missing"));
			}
			return history.read(id, exchange)
				.flatMap(found -> pages.page(exchange, HttpStatus.OK, "desk-history", shown(model, id, found, from, to)))
				.switchIfEmpty(Mono.defer(
						() -> pages.page(exchange, HttpStatus.NOT_FOUND, "desk-history", withState(model, "missing"))))
				.onErrorResume(DeskHistory.Unavailable.class, down -> pages.page(exchange, HttpStatus.SERVICE_UNAVAILABLE,
						"desk-history", withState(model, "unavailable")));
		})
			.onErrorResume(DeskTokens.SignedOut.class, gone -> DeskPages.signInAgain());
	}

	private Map<String, Object> shown(Map<String, Object> model, String id, DeskHistory.Found found, String from,
			String to) {
		ArticleVersions versions = ArticleVersions.rebuild(found.article().orElse(null), found.revisions());
		List<Long> known = versions.numbers();
		List<ArticleVersions.Revision> newestFirst = new ArrayList<>(found.revisions());
		newestFirst.sort((a, b) -> Long.compare(b.version(), a.version()));
		model.put("state", "shown");
		model.put("exists", found.article().isPresent());
		// null for a deleted story (its last state was not kept)
		Article current = found.article().map(article -> json.treeToValue(article, Article.class)).orElse(null);
		model.put("headline", current != null ? current.headline() : null);
		model.put("language", current != null ? current.language() : null);
		model.put("complete", found.complete());
		model.put("entries", newestFirst.stream().map(revision -> entry(id, revision, versions)).toList());
		model.put("choices", known.stream().map(number -> choice(number, newestFirst)).toList());
		Long newer = chosen(to, known, 0);
		Long older = chosen(from, known, 1);
		boolean asked = from != null || to != null;
		if (asked && (newer == null || older == null)) {
			model.put("comparisonProblem",
					"Those versions cannot be compared: choose two from the lists (only versions that can be rebuilt are offered).");
		}
		else if (newer != null && older != null) {
			model.put("from", older);
			model.put("to", newer);
			model.put("fields", comparison.between(versions.at(older), versions.at(newer)));
		}
		return model;
	}

	/** The version asked for if it can be shown; not asked: the newest ({@code rank} 0) or the one before (1). */
	private static Long chosen(String asked, List<Long> known, int rank) {
		if (asked == null || asked.isBlank()) {
			return known.size() > rank ? known.get(rank) : null;
		}
		try {
			long number = Long.parseLong(asked.strip());
			return known.contains(number) ? number : null;
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	private Entry entry(String id, ArticleVersions.Revision revision, ArticleVersions versions) {
		List<String> fields = revision.changesOrNone().stream().map(c -> RevisionComparison.label(c.field())).toList();
		long number = revision.version();
		String compare = versions.at(number) != null && versions.at(number - 1) != null
				? "/desk/stories/" + id + "/history?from=" + (number - 1) + "&to=" + number : null;
		return new Entry(number, revision.action(), revision.by(), time(revision.at()), String.join(", ", fields), compare);
	}

	private Choice choice(long number, List<ArticleVersions.Revision> revisions) {
		return revisions.stream()
			.filter(revision -> revision.version() == number)
			.findFirst()
			.map(revision -> new Choice(number, "Version " + number + ": " + revision.action() + " by " + revision.by()
					+ (revision.at() != null ? ", " + RevisionComparison.SHOWN.format(revision.at().atZone(newsroomZone)) : "")))
			.orElse(new Choice(number, "Version " + number));
	}

	private DeskController.Time time(Instant instant) {
		return instant != null
				? new DeskController.Time(instant.toString(), RevisionComparison.SHOWN.format(instant.atZone(newsroomZone)))
				: null;
	}

	private static Map<String, Object> withState(Map<String, Object> model, String state) {
		model.put("state", state);
		return model;
	}
}
