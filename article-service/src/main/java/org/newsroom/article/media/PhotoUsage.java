package org.newsroom.article.media;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * media-service's answer to "may this photo be published?" ({@code GET /api/media/{id}/usage}).
 * A photo media-service does not know is not usable either ({@link #NOT_FOUND}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PhotoUsage(boolean usable, List<String> problems) {

	public static final String NOT_FOUND = "NOT_FOUND";

	public static PhotoUsage notFound() {
		return new PhotoUsage(false, List.of(NOT_FOUND));
	}

	public List<String> problemsOrUnknown() {
		if (problems != null && !problems.isEmpty()) {
			return problems;
		}
		return usable ? List.of() : List.of("NOT_USABLE");
	}
}
