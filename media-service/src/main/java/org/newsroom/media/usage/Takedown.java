package org.newsroom.media.usage;

import java.util.List;

import org.newsroom.media.photo.OriginalStore;
import org.newsroom.media.photo.Photo;
import org.newsroom.media.photo.PhotoLibrary;
import org.newsroom.media.photo.PhotoStore;
import org.newsroom.media.rendition.RenditionStore;
import org.newsroom.platform.change.Change;
import org.newsroom.platform.change.ChangeLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Takes a photo down (a rights holder's request, a legal order, a mistake): the record stays
 * under its id with status TAKEN_DOWN, so articles that point at it learn why it is gone, and
 * the original and every rendition are deleted.
 *
 * <p>No transactions: the status flips first in one atomic update (from then on nothing serves
 * the image and usage says TAKEN_DOWN), then the bytes are deleted. If the service stops in
 * between, repeating the DELETE finishes the job: a takedown is idempotent. Uploading the same
 * bytes again returns the taken-down record rather than a fresh copy.
 */
@Service
public class Takedown {

	private static final Logger log = LoggerFactory.getLogger(Takedown.class);

	private final PhotoStore store;
	private final PhotoLibrary library;
	private final OriginalStore originals;
	private final RenditionStore renditions;
	private final ChangeLog changes;

	public Takedown(PhotoStore store, PhotoLibrary library, OriginalStore originals, RenditionStore renditions,
			ChangeLog changes) {
		this.store = store;
		this.library = library;
		this.originals = originals;
		this.renditions = renditions;
		this.changes = changes;
	}

	public void takeDown(String id, String who) {
		Photo photo = library.find(id);
		// every page showing the photo loses it (docs/gateway.md, page cache)
		changes.record(Change.PHOTO, photo.id(), List.of(), false);
		if (store.markTakenDown(photo.id(), who).isPresent()) {
			log.info("Photo {} taken down by {}", id, who);
		}
		renditions.deleteAll(photo.id());
		originals.delete(photo.originalFileId());
	}
}
