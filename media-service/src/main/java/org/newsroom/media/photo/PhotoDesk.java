package org.newsroom.media.photo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.bson.types.ObjectId;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.gridfs.GridFsResource;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.stereotype.Service;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Takes photos in: checks what they are, who to credit, and stores them once. */
@Service
public class PhotoDesk {

	private final PhotoRepository photos;
	private final GridFsTemplate files;
	private final Clock clock = Clock.systemUTC();

	public PhotoDesk(PhotoRepository photos, GridFsTemplate files) {
		this.photos = photos;
		this.files = files;
	}

	/** The stored photo, and whether it was new (false: identical bytes were already here). */
	public record Upload(Photo photo, boolean created) {
	}

	public Upload upload(byte[] bytes, PhotoMetadata metadata) {
		ImageType type = ImageType.sniff(bytes).orElseThrow(PhotoProblems::unsupportedType);
		Dimensions size = readDimensions(bytes);
		String credit = blankToNull(metadata.credit());
		if (credit == null) {
			throw PhotoProblems.missingCredit();
		}
		String sha256 = sha256(bytes);
		Optional<Photo> existing = photos.findBySha256(sha256);
		if (existing.isPresent()) {
			return new Upload(existing.get(), false);
		}
		ObjectId fileId = files.store(new ByteArrayInputStream(bytes), sha256, type.contentType);
		Photo photo = new Photo(null, metadata.caption(), metadata.altText(), credit.strip(), metadata.creator(),
				metadata.source(), metadata.copyrightNotice(), metadata.usageTerms(), metadata.rightsExpireAt(),
				type.contentType, size.width(), size.height(), bytes.length, sha256, fileId.toHexString(),
				MediaStatus.ACTIVE, clock.instant());
		try {
			return new Upload(photos.insert(photo), true);
		}
		catch (DuplicateKeyException sameBytesRaced) {
			files.delete(query(where("_id").is(fileId)));
			return new Upload(photos.findBySha256(sha256).orElseThrow(), false);
		}
	}

	public Photo find(String id) {
		return photos.findById(id).orElseThrow(PhotoProblems::notFound);
	}

	public InputStream openOriginal(Photo photo) throws IOException {
		GridFsResource resource = files.getResource(files.findOne(query(where("_id").is(new ObjectId(photo.originalFileId())))));
		return resource.getInputStream();
	}

	record Dimensions(int width, int height) {
	}

	/** Width and height from the image header, without decoding pixels. */
	static Dimensions readDimensions(byte[] bytes) {
		try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
			if (!readers.hasNext()) {
				throw PhotoProblems.unreadable();
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(input, true, true);
				return new Dimensions(reader.getWidth(0), reader.getHeight(0));
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException e) {
			if (e instanceof org.newsroom.platform.problem.ProblemException problem) {
				throw problem;
			}
			throw PhotoProblems.unreadable();
		}
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every JDK", e);
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}
}
