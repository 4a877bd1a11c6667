package org.newsroom.gateway.desk.photos;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.newsroom.gateway.desk.DeskPages;
import org.newsroom.gateway.desk.DeskTokens;
import org.newsroom.gateway.desk.DeskUser;
import org.newsroom.gateway.web.WebProperties;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;

import static org.newsroom.gateway.contract.Photo.TAKEN_DOWN;

/**
 * The desk's photo pages: the library ({@code /desk/photos}: search, pages, upload) and one photo
 * ({@code /desk/photos/{id}}: renditions, every editable field, usage, takedown for admins). The
 * pages are rendered here with what media-service answers the editor; saving, uploading and
 * taking down are the pages' script calling the API through the desk's relay (desk-photos.js).
 */
@Controller
class DeskPhotosController {

	static final String LIBRARY = "/desk/photos";


	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ENGLISH);

	private static final DateTimeFormatter ABBREVIATION = DateTimeFormatter.ofPattern("z", Locale.ENGLISH);

	/** What a datetime-local input holds: a wall-clock time without zone. */
	private static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	private final PhotoLibrary library;
	private final DeskTokens tokens;
	private final DeskPages pages;
	private final ZoneId newsroomZone;
	private final Clock clock = Clock.systemUTC();

	DeskPhotosController(PhotoLibrary library, DeskTokens tokens, DeskPages pages, WebProperties web) {
		this.library = library;
		this.tokens = tokens;
		this.pages = pages;
		this.newsroomZone = web.timeZone();
	}

	/** A row of the library as the page shows it; times in the newsroom's zone, named. */
	record Row(String id, String thumbUrl, String altText, String caption, String credit, String status,
			String rightsExpireShown, boolean rightsExpired, String addedShown) {
	}

	@GetMapping({ LIBRARY, LIBRARY + "/" })
	Mono<ResponseEntity<byte[]>> library(ServerWebExchange exchange, @RequestParam(required = false) String q,
			@RequestParam(required = false) String status, @RequestParam(required = false) String cursor,
			@RequestParam(required = false) String added) {
		String search = q != null && !q.isBlank() ? q.strip() : null;
		boolean takenDown = TAKEN_DOWN.equals(status);
		PhotoLibrary.Search asked = new PhotoLibrary.Search(search, takenDown, blankToNull(cursor));
		return exchange.getPrincipal().cast(Authentication.class).flatMap(editor -> tokens.accessToken(exchange)
			.flatMap(token -> library.newest(token, asked))
			.flatMap(found -> {
				Map<String, Object> model = signedIn(editor);
				model.put("q", search != null ? search : "");
				model.put("takenDown", takenDown);
				model.put("firstPage", asked.cursor() == null);
				model.put("available", found.available());
				model.put("refusal", found.refusal());
				model.put("photos", found.items().stream().map(this::row).toList());
				model.put("nextCursor", found.nextCursor());
				model.put("added", blankToNull(added));
				model.put("zone", zoneLabel());
				model.put("zoneId", newsroomZone.getId());
				return pages.page(exchange, HttpStatus.OK, "desk-photos", model);
			}))
			.onErrorResume(DeskTokens.SignedOut.class, gone -> DeskPages.signInAgain());
	}

	@GetMapping(LIBRARY + "/{id}")
	Mono<ResponseEntity<byte[]>> photo(ServerWebExchange exchange, @PathVariable String id,
			@RequestParam(required = false) String saved) {
		return exchange.getPrincipal().cast(Authentication.class).flatMap(editor -> tokens.accessToken(exchange)
			.flatMap(token -> library.photo(token, id))
			.flatMap(found -> {
				Map<String, Object> model = signedIn(editor);
				PhotoLibrary.Photo photo = found.photo();
				model.put("found", true);
				model.put("saved", saved != null);
				model.put("photo", photo);
				model.put("title", photo.caption() != null ? abbreviate(photo.caption()) : "Photo " + photo.id());
				model.put("sizes", photo.renditions() == null ? List.of() : photo.renditions());
				model.put("preview", photo.renditions() == null ? null
						: photo.renditions().stream().filter(r -> "small".equals(r.name())).findFirst().orElse(null));
				model.put("rightsExpireLocal", photo.rightsExpireAt() != null
						? LOCAL_INPUT.format(photo.rightsExpireAt().atZone(newsroomZone)) : "");
				model.put("rightsExpireShown", shown(photo.rightsExpireAt()));
				model.put("takenDownShown", shown(photo.takenDownAt()));
				model.put("addedShown", shown(photo.createdAt()));
				model.put("usageKnown", found.usage() != null);
				model.put("usable", found.usage() != null && found.usage().usable());
				model.put("problems", found.usage() != null ? inWords(found.usage().problems(), photo) : List.of());
				model.put("zone", zoneLabel());
				model.put("zoneId", newsroomZone.getId());
				return pages.page(exchange, HttpStatus.OK, "desk-photo", model);
			})
			.onErrorResume(PhotoLibrary.NoSuchPhoto.class, none -> {
				Map<String, Object> model = signedIn(editor);
				model.put("found", false);
				model.put("unavailable", false);
				model.put("title", "No such photo");
				return pages.page(exchange, HttpStatus.NOT_FOUND, "desk-photo", model);
			})
			.onErrorResume(PhotoLibrary.MediaUnavailable.class, down -> {
				Map<String, Object> model = signedIn(editor);
				model.put("found", false);
				model.put("unavailable", true);
				model.put("title", "Photo");
				return pages.page(exchange, HttpStatus.SERVICE_UNAVAILABLE, "desk-photo", model);
			}))
			.onErrorResume(DeskTokens.SignedOut.class, gone -> DeskPages.signInAgain());
	}

	/** The usage report's problems, said to an editor: what is wrong and what to do. */
	private List<String> inWords(List<String> problems, PhotoLibrary.Photo photo) {
		if (problems == null) {
			return List.of();
		}
		return problems.stream().map(problem -> switch (problem) {
			case "MISSING_CREDIT" -> "It has no credit: add one below before it can be published.";
			case "RIGHTS_EXPIRED" -> "Its rights expired " + (photo.rightsExpireAt() != null
					? "on " + shown(photo.rightsExpireAt()) : "") + ": articles cannot be published with it until the expiry is moved later.";
			case TAKEN_DOWN -> "It was taken down" + (photo.takenDownAt() != null ? " on " + shown(photo.takenDownAt()) : "")
					+ ": it can no longer be used, and its files are gone.";
			default -> "media-service reports " + problem + ".";
		}).toList();
	}

	private Row row(PhotoLibrary.Photo photo) {
		boolean expired = photo.rightsExpireAt() != null && !photo.rightsExpireAt().isAfter(clock.instant());
		return new Row(photo.id(), photo.thumbUrl(), photo.altText() != null ? photo.altText() : "", photo.caption(),
				photo.credit(), photo.status(), shown(photo.rightsExpireAt()), expired, shown(photo.createdAt()));
	}

	private Map<String, Object> signedIn(Authentication editor) {
		Map<String, Object> model = new HashMap<>();
		model.put("userName", editor.getName());
		model.put("admin", DeskUser.isAdmin(editor));
		return model;
	}

	/** The zone's name and its offset now, e.g. "Asia/Seoul (KST, UTC+09:00)", or "UTC". */
	private String zoneLabel() {
		if (newsroomZone.normalized().equals(ZoneOffset.UTC)) {
			return "UTC";
		}
		ZonedDateTime now = clock.instant().atZone(newsroomZone);
		// the same abbreviation as the times shown beside it (SHOWN)
		return newsroomZone.getId() + " (" + ABBREVIATION.format(now) + ", UTC" + now.getOffset().getId() + ")";
	}

	private String shown(Instant at) {
		return at != null ? SHOWN.format(at.atZone(newsroomZone)) : null;
	}


	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

	private static String abbreviate(String caption) {
		return caption.length() <= 60 ? caption : caption.substring(0, 57) + "...";
	}
}
