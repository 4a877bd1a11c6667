package org.newsroom.gateway.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One of a photo's renditions: its name ({@code thumb}, {@code small}, {@code medium},
 * {@code large}, {@code og}), size in pixels (0 when not sent) and address.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Rendition(String name, Integer width, Integer height, String url) {

	// boxed, so that a size sent as null reads as 0 instead of failing the page
	public Rendition {
		width = width != null ? width : 0;
		height = height != null ? height : 0;
	}
}
