package org.newsroom.media.rendition;

import java.io.ByteArrayInputStream;
import java.util.Optional;

import org.bson.Document;
import org.bson.types.ObjectId;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.gridfs.GridFsResource;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Renditions already made: records in {@code renditions}, bytes in GridFS {@code rendition_files}. */
@Component
public class RenditionStore {

	static final String BUCKET = "rendition_files";

	private static final Logger log = LoggerFactory.getLogger(RenditionStore.class);

	private final MongoTemplate mongo;
	private final GridFsTemplate files;

	public RenditionStore(MongoTemplate mongo, MongoDatabaseFactory database, MongoConverter converter) {
		this.mongo = mongo;
		this.files = new GridFsTemplate(database, converter, BUCKET);
		indexFilesByPhoto();
	}

	/** Takedowns find a photo's rendition files by the photo id they are tagged with. */
	private void indexFilesByPhoto() {
		try {
			mongo.indexOps(BUCKET + ".files").createIndex(new Index("metadata.photoId", Sort.Direction.ASC));
		}
		catch (DataAccessException storeNotReachable) {
			// the store is not up yet: the index is an optimisation, and the next start creates it
			log.warn("Could not create the index on {}.files: {}", BUCKET, storeNotReachable.toString());
		}
	}

	public Optional<StoredRendition> find(String photoId, RenditionSpec spec) {
		return Optional.ofNullable(mongo.findById(StoredRendition.idOf(photoId, spec), StoredRendition.class));
	}

	/**
	 * Stores the bytes and records them, unless another request or replica recorded the same
	 * rendition first: then this copy is deleted and the recorded one is returned.
	 */
	StoredRendition store(StoredRendition made, byte[] bytes) {
		ObjectId fileId = files.store(new ByteArrayInputStream(bytes), made.id(), "image/jpeg",
				new Document("photoId", made.photoId()).append("name", made.name()));
		StoredRendition record = new StoredRendition(made.id(), made.photoId(), made.name(), fileId.toHexString(),
				made.width(), made.height(), bytes.length, made.sha256(), made.createdAt());
		try {
			return mongo.insert(record);
		}
		catch (DuplicateKeyException madeElsewhere) {
			files.delete(query(where("_id").is(fileId)));
			return mongo.findById(made.id(), StoredRendition.class);
		}
	}

	public GridFsResource open(StoredRendition rendition) {
		var file = files.findOne(query(where("_id").is(new ObjectId(rendition.fileId()))));
		if (file == null) {
			throw new IllegalStateException("Rendition bytes " + rendition.fileId() + " are missing from GridFS");
		}
		return files.getResource(file);
	}

	/**
	 * Removes every rendition of a photo that is taken down: records first (so nothing points at
	 * deleted bytes), then every file tagged with the photo, including any left by a race.
	 */
	public void deleteAll(String photoId) {
		mongo.remove(query(where("photoId").is(photoId)), StoredRendition.class);
		files.delete(query(where("metadata.photoId").is(photoId)));
	}

	/**
	 * Forgets the renditions made so far, so the next request makes them again (after the credit
	 * or copyright they carry has changed). Each record goes before its own file; files made
	 * meanwhile by a concurrent request are left alone.
	 */
	public void forget(String photoId) {
		for (StoredRendition made : mongo.find(query(where("photoId").is(photoId)), StoredRendition.class)) {
			var removed = mongo.remove(query(where("_id").is(made.id()).and("fileId").is(made.fileId())),
					StoredRendition.class);
			if (removed.getDeletedCount() > 0) {
				files.delete(query(where("_id").is(new ObjectId(made.fileId()))));
			}
		}
	}
}
