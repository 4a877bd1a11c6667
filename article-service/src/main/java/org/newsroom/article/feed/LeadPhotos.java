package org.newsroom.article.feed;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.newsroom.article.config.SiteProperties;
import org.newsroom.article.media.MediaClient;
import org.newsroom.article.media.PhotoMetadata;
import org.newsroom.article.story.Article;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The lead photo each feed item shows: the {@value #RENDITION} rendition with its pixel size,
 * credit and caption, read from media-service. A feed is served when media-service cannot
 * answer, its items without photos until media-service is back (ninjs, in the same case, still
 * names the photo as partial; a feed item has no such mark, so it shows none). After the first unavailable answer the rest of the feed does not ask again, so a feed
 * never waits for fifty failing calls.
 */
@Component
class LeadPhotos {

	private static final Logger log = LoggerFactory.getLogger(LeadPhotos.class);

	/** The photo's own proportions, at most 1600 pixels wide (media-service's RenditionSpec). */
	static final String RENDITION = "large";

	/** media-service encodes every rendition as JPEG. */
	static final String TYPE = "image/jpeg";

	private final MediaClient media;
	private final SiteProperties site;

	LeadPhotos(MediaClient media, SiteProperties site) {
		this.media = media;
		this.site = site;
	}

	/** @param url absolute, on the public site; {@code credit} and {@code caption} may be null */
	record FeedPhoto(String url, int width, int height, String credit, String caption) {
	}

	/** The photos of these articles' lead media ids; an article without one (or whose photo cannot be shown) is not in the map. */
	Map<String, FeedPhoto> of(List<Article> articles) {
		Map<String, FeedPhoto> photos = new HashMap<>();
		Set<String> asked = new HashSet<>();
		for (Article article : articles) {
			String mediaId = article.content().leadMediaId();
			if (mediaId == null || !asked.add(mediaId)) {
				continue;
			}
			MediaClient.PhotoLookup lookup = media.photoOrNone(mediaId);
			if (lookup.mediaUnavailable()) {
				log.warn("feed written without lead photos from {} on", mediaId);
				return photos;
			}
			lookup.photo().flatMap(this::shown).ifPresent(photo -> photos.put(mediaId, photo));
		}
		return photos;
	}

	/** A taken-down photo, or one without the rendition, is not shown. */
	private Optional<FeedPhoto> shown(PhotoMetadata photo) {
		boolean active = photo.status() == null || "ACTIVE".equals(photo.status());
		if (!active || photo.renditions() == null) {
			return Optional.empty();
		}
		return photo.renditions()
			.stream()
			.filter(r -> RENDITION.equals(r.name()) && r.url() != null && r.width() != null && r.height() != null)
			.findFirst()
			// media-service gives site-relative URLs
			.map(r -> new FeedPhoto(r.url().startsWith("/") ? site.base() + r.url() : r.url(), r.width(), r.height(),
					photo.credit(), photo.caption()));
	}
}
