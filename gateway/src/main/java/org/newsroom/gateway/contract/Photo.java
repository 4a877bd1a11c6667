package org.newsroom.gateway.contract;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A photo as media-service answers it ({@code GET /api/media/{id}}): what a page shows of it. A
 * photo taken down (rights, legal) is never shown, even if an article still names it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Photo(String id, String caption, String altText, String credit, String status,
		List<Rendition> renditions) {

	/** The {@code status} of a photo that was taken down; the desk's library lists them on their own. */
	public static final String TAKEN_DOWN = "TAKEN_DOWN";

	public Photo {
		renditions = renditions != null ? renditions : List.of();
	}

	public boolean takenDown() {
		return TAKEN_DOWN.equals(status);
	}
}
