package org.newsroom.media.rendition;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A rendition that has been made, in the {@code renditions} collection; its bytes are in the
 * GridFS bucket {@code rendition_files}. The id is {@code <photoId>/<name>}, so two replicas that
 * race to make the same rendition cannot both record it: the second insert fails and that
 * replica serves the first one's file.
 */
@Document("renditions")
public record StoredRendition(
		@Id String id,
		@Indexed String photoId,
		String name,
		String fileId,
		int width,
		int height,
		long bytes,
		String sha256,
		Instant createdAt) {

	static String idOf(String photoId, RenditionSpec spec) {
		return photoId + "/" + spec.id();
	}

	/** A strong validator: the rendition's bytes never change once made. */
	public String etag() {
		return "\"" + sha256 + "\"";
	}
}
