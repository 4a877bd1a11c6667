package org.newsroom.media.photo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bson.Document;
import org.bson.types.ObjectId;

import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.gridfs.GridFsResource;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** The uploaded bytes, unchanged, in the GridFS bucket {@code originals}. */
@Component
public class OriginalStore {

	static final String BUCKET = "originals";

	private final GridFsTemplate files;

	public OriginalStore(MongoDatabaseFactory database, MongoConverter converter) {
		this.files = new GridFsTemplate(database, converter, BUCKET);
	}

	public String store(Path file, String sha256, String contentType) {
		try (InputStream in = Files.newInputStream(file)) {
			return files.store(in, sha256, contentType, new Document("sha256", sha256)).toHexString();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The stored bytes, opened when read. */
	public GridFsResource open(String fileId) {
		var file = files.findOne(query(where("_id").is(new ObjectId(fileId))));
		if (file == null) {
			throw new IllegalStateException("The original " + fileId + " is missing from GridFS");
		}
		return files.getResource(file);
	}

	public byte[] readAll(String fileId) {
		try (InputStream in = open(fileId).getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public void delete(String fileId) {
		files.delete(query(where("_id").is(new ObjectId(fileId))));
	}
}
