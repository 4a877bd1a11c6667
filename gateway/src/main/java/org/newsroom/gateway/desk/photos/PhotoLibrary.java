package org.newsroom.gateway.desk.photos;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.newsroom.gateway.services.ServiceDirectory;
import reactor.core.publisher.Mono;

import org.springframework.core.codec.CodecException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.util.UriBuilder;

import static org.newsroom.gateway.contract.Photo.TAKEN_DOWN;

/**
 * What the desk's photo pages read from media-service: the library, newest first, and one photo
 * with its usage report, asked with the signed-in editor's own access token. The records name
 * what the desk reads of each answer, so the contract between the services is checked by the
 * compiler.
 */
@Component
class PhotoLibrary {

	static final int PAGE_SIZE = 24;

	private static final Duration TIME_LIMIT = Duration.ofSeconds(5);

	private final WebClient http;
	private final ServiceDirectory services;

	PhotoLibrary(ServiceDirectory services) {
		this.http = services.client();
		this.services = services;
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Photo(String id, String caption, String altText, String credit, String creator, String source,
			String copyrightNotice, String usageTerms, Instant rightsExpireAt, String contentType, int width, int height,
			Instant createdAt, Instant updatedAt, List<Rendition> renditions, String status,
			Instant takenDownAt) {

		public boolean takenDown() {
			return TAKEN_DOWN.equals(status);
		}

		public String thumbUrl() {
			return renditions == null ? null
					: renditions.stream().filter(r -> "thumb".equals(r.name())).map(Rendition::url).findFirst().orElse(null);
		}
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Rendition(String name, int width, int height, String url) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record PhotoPage(List<Photo> items, String nextCursor) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Problem(String detail) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Usage(boolean usable, List<String> problems) {
	}

	/** What the editor asked the library for; null fields are not asked. */
	record Search(String q, boolean takenDown, String cursor) {
	}

	/**
	 * A page of the library. {@code refusal} is media-service's reason when it refused the search
	 * (a cursor it did not issue, a search too long); {@code available} is false when it did not
	 * answer at all.
	 */
	record Listing(List<Photo> items, String nextCursor, boolean available, String refusal) {

		static Listing unavailable() {
			return new Listing(List.of(), null, false, null);
		}
	}

	/** One photo and what media-service says about using it; {@code usage} null when it could not say. */
	record Found(Photo photo, Usage usage) {
	}

	/** The photo is not there (unknown id). */
	static final class NoSuchPhoto extends RuntimeException {

		NoSuchPhoto() {
			super("no such photo", null, false, false);
		}
	}

	/** media-service did not answer (down, too slow, 5xx). */
	static final class MediaUnavailable extends RuntimeException {

		MediaUnavailable(Throwable cause) {
			super("media-service is not answering", cause, false, false);
		}
	}

	Mono<Listing> newest(String accessToken, Search search) {
		return http.get()
			.uri(services.media() + "/api/media", uri -> query(uri, search))
			.headers(headers -> headers.setBearerAuth(accessToken))
			.accept(MediaType.APPLICATION_JSON)
			.retrieve()
			.bodyToMono(PhotoPage.class)
			.timeout(TIME_LIMIT)
			.map(page -> new Listing(page.items() != null ? page.items() : List.of(), page.nextCursor(), true, null))
			.onErrorResume(WebClientResponseException.class, refused -> refused.getStatusCode().is4xxClientError()
					? Mono.just(new Listing(List.of(), null, true, detail(refused))) : Mono.just(Listing.unavailable()))
			.onErrorResume(PhotoLibrary::unanswered, error -> Mono.just(Listing.unavailable()));
	}

	private static URI query(UriBuilder uri, Search search) {
		uri.queryParam("size", PAGE_SIZE);
		if (search.q() != null) {
			uri.queryParam("q", "{q}");
		}
		if (search.takenDown()) {
			uri.queryParam("status", TAKEN_DOWN);
		}
		if (search.cursor() != null) {
			uri.queryParam("cursor", "{cursor}");
		}
		// values are expanded as URI variables, so '&', '+' and Hangul are encoded, never parsed
		Map<String, String> values = new HashMap<>();
		values.put("q", search.q());
		values.put("cursor", search.cursor());
		return uri.build(values);
	}

	/** The photo and its usage report; errors with {@link NoSuchPhoto} or {@link MediaUnavailable}. */
	Mono<Found> photo(String accessToken, String id) {
		Mono<Photo> photo = http.get()
			.uri(services.media() + "/api/media/{id}", id)
			.headers(headers -> headers.setBearerAuth(accessToken))
			.accept(MediaType.APPLICATION_JSON)
			.retrieve()
			.bodyToMono(Photo.class)
			.timeout(TIME_LIMIT)
			.onErrorMap(WebClientResponseException.class, e -> e.getStatusCode().is4xxClientError()
					? new NoSuchPhoto() : new MediaUnavailable(e))
			.onErrorMap(PhotoLibrary::unanswered, MediaUnavailable::new);
		Mono<Usage> usage = http.get()
			.uri(services.media() + "/api/media/{id}/usage", id)
			.headers(headers -> headers.setBearerAuth(accessToken))
			.accept(MediaType.APPLICATION_JSON)
			.retrieve()
			.bodyToMono(Usage.class)
			.timeout(TIME_LIMIT)
			// the page still shows the photo; it says the usage could not be had
			.onErrorResume(error -> error instanceof WebClientResponseException || unanswered(error), error -> Mono.empty());
		return Mono.zip(photo, usage.map(Optional::of).defaultIfEmpty(Optional.empty()))
			.map(both -> new Found(both.getT1(), both.getT2().orElse(null)));
	}

	/** media-service's own words for a refusal (its problem document's detail), when it gave them. */
	private static String detail(WebClientResponseException refused) {
		Problem problem = null;
		try {
			problem = refused.getResponseBodyAs(Problem.class);
		}
		catch (RuntimeException notAProblemDocument) {
			// said below in general terms
		}
		return problem != null && problem.detail() != null ? problem.detail()
				: "media-service refused the search (" + refused.getStatusCode().value() + ")";
	}

	/** Not an answer the desk can use: none at all, too late, or not the JSON it should be. */
	private static boolean unanswered(Throwable error) {
		return error instanceof WebClientException || error instanceof TimeoutException
				|| error instanceof CodecException;
	}
}
