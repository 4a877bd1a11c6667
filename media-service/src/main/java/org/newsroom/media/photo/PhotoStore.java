package org.newsroom.media.photo;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The one class that writes photo records (the {@code media} collection): intake inserts,
 * the metadata editor and the takedown update. Every update touches an active photo only and
 * stamps {@code updatedAt} from the service's {@link Clock}, in milliseconds as MongoDB keeps
 * them, so what is returned equals what is read back.
 */
@Service
public class PhotoStore {

	private final PhotoRepository photos;
	private final MongoTemplate mongo;
	private final Clock clock;

	public PhotoStore(PhotoRepository photos, MongoTemplate mongo, Clock clock) {
		this.photos = photos;
		this.mongo = mongo;
		this.clock = clock;
	}

	/** Now, in milliseconds as stored. */
	public Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	public Optional<Photo> findById(String id) {
		return photos.findById(id);
	}

	public Optional<Photo> findBySha256(String sha256) {
		return photos.findBySha256(sha256);
	}

	/**
	 * Stores a new photo.
	 * @throws org.springframework.dao.DuplicateKeyException if a photo with the same bytes
	 * (sha256) was stored meanwhile
	 */
	public Photo insert(Photo photo) {
		return photos.insert(photo);
	}

	/**
	 * Applies {@code fields} and a new {@code updatedAt} in one atomic update, if the photo is
	 * still active.
	 * @return the photo as updated, or empty if it is taken down or gone
	 */
	public Optional<Photo> updateActive(String id, Update fields) {
		fields.set(Photo.Fields.UPDATED_AT, now());
		return Optional.ofNullable(mongo.findAndModify(
				query(where(Photo.Fields.ID).is(id).and(Photo.Fields.STATUS).is(MediaStatus.ACTIVE)), fields,
				FindAndModifyOptions.options().returnNew(true), Photo.class));
	}

	/**
	 * Marks an active photo TAKEN_DOWN, by whom and when.
	 * @return the photo as taken down, or empty if it already was (or is gone)
	 */
	public Optional<Photo> markTakenDown(String id, String who) {
		return updateActive(id, new Update().set(Photo.Fields.STATUS, MediaStatus.TAKEN_DOWN)
			.set(Photo.Fields.TAKEN_DOWN_AT, now())
			.set(Photo.Fields.TAKEN_DOWN_BY, who));
	}
}
