package org.newsroom.media.upload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.validation.Validator;
import org.newsroom.media.config.MediaProperties;
import org.newsroom.media.image.ImageVetting;
import org.newsroom.media.metadata.CreditLine;
import org.newsroom.media.metadata.EmbeddedMetadata;
import org.newsroom.media.metadata.EmbeddedMetadataReader;
import org.newsroom.media.metadata.MetadataText;
import org.newsroom.media.photo.MediaStatus;
import org.newsroom.media.photo.OriginalStore;
import org.newsroom.media.photo.Photo;
import org.newsroom.media.photo.PhotoFields;
import org.newsroom.media.photo.PhotoLibrary;
import org.newsroom.media.photo.PhotoStore;
import org.newsroom.media.photo.Sha256;
import org.newsroom.platform.problem.FieldProblem;
import org.newsroom.platform.problem.Problems;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * Takes photos in: is the file a safe image ({@link ImageVetting}), what does it say about
 * itself ({@link EmbeddedMetadataReader}), what does the editor say (the form wins), who is
 * credited (required), and is it already here (identical bytes are stored once).
 *
 * <p>The upload is spooled to a temporary file and every check reads from there, so a large
 * photo is never held in memory whole. Nothing is stored until every check has passed.
 */
@Service
public class PhotoIntake {

	private final PhotoStore photos;
	private final OriginalStore originals;
	private final Validator validator;
	private final MediaProperties properties;

	public PhotoIntake(PhotoStore photos, OriginalStore originals, Validator validator,
			MediaProperties properties) {
		this.photos = photos;
		this.originals = originals;
		this.validator = validator;
		this.properties = properties;
	}

	/** The stored photo, and whether it is new (false: identical bytes were already here). */
	public record Upload(Photo photo, boolean created) {
	}

	public Upload take(MultipartFile file, PhotoFields form, String who) {
		return spooled(file, spool -> take(spool, form, who));
	}

	/**
	 * What the file says about itself, checked as an upload is (type, structure, pixels) but not
	 * stored: the desk shows it to the editor to confirm before the upload. Values breaking a
	 * limit come back as they are; the upload then refuses them unless the form replaces them.
	 */
	public FileMetadata inspect(MultipartFile file) {
		return spooled(file, spool -> {
			ImageVetting.Vetted image = ImageVetting.vet(spool, properties.maxPixels());
			EmbeddedMetadata embedded = EmbeddedMetadataReader.read(spool);
			CreditLine credit = CreditLine.of(embedded.credit());
			boolean turned = embedded.orientation() >= 5;
			String existing = photos.findBySha256(Sha256.of(spool)).map(Photo::id).orElse(null);
			return new FileMetadata(embedded.caption(), embedded.altText(), embedded.credit(), credit != null ? credit.display() : null,
					embedded.creator(), embedded.source(), embedded.copyrightNotice(), embedded.usageTerms(),
					image.type().contentType(), turned ? image.height() : image.width(),
					turned ? image.width() : image.height(), existing);
		});
	}

	private interface SpoolReader<T> {

		T read(Path spool) throws IOException;
	}

	/** The upload in a temporary file for as long as {@code reader} runs, then deleted. */
	private static <T> T spooled(MultipartFile file, SpoolReader<T> reader) {
		Path spool = null;
		try {
			spool = Files.createTempFile("photo-upload-", ".bin");
			file.transferTo(spool);
			return reader.read(spool);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot spool the upload", e);
		}
		finally {
			if (spool != null) {
				try {
					Files.deleteIfExists(spool);
				}
				catch (IOException ignored) {
					// the temp directory is cleaned by the platform eventually
				}
			}
		}
	}

	private Upload take(Path spool, PhotoFields form, String who) throws IOException {
		ImageVetting.Vetted image = ImageVetting.vet(spool, properties.maxPixels());
		EmbeddedMetadata embedded = EmbeddedMetadataReader.read(spool);
		PhotoFields fields = merge(form, embedded);
		CreditLine credit = CreditLine.of(fields.credit());
		if (credit == null) {
			throw new MissingCredit();
		}
		String sha256 = Sha256.of(spool);
		Optional<Photo> existing = photos.findBySha256(sha256);
		if (existing.isPresent()) {
			return new Upload(existing.get(), false);
		}
		long bytes = Files.size(spool);
		String fileId = originals.store(spool, sha256, image.type().contentType());
		boolean turned = embedded.orientation() >= 5;
		Instant now = photos.now();
		String source = MetadataText.line(fields.source());
		Photo photo = new Photo(null, MetadataText.paragraph(fields.caption()), MetadataText.paragraph(fields.altText()),
				credit.display(), credit.raw(), credit.key(), MetadataText.line(fields.creator()), source,
				PhotoLibrary.sourceKey(source), MetadataText.line(fields.copyrightNotice()),
				MetadataText.paragraph(fields.usageTerms()), fields.rightsExpireAt(), image.type().contentType(),
				turned ? image.height() : image.width(), turned ? image.width() : image.height(),
				embedded.orientation(), bytes, sha256, fileId, MediaStatus.ACTIVE, now, who, now, null, null);
		try {
			return new Upload(photos.insert(photo), true);
		}
		catch (DuplicateKeyException sameBytesRaced) {
			originals.delete(fileId);
			return new Upload(photos.findBySha256(sha256).orElseThrow(() -> sameBytesRaced), false);
		}
	}

	/**
	 * The form's values over the file's. The form was validated as it arrived; values taken from
	 * the file meet the same limits here, and a refusal says where the value came from.
	 */
	private PhotoFields merge(PhotoFields form, EmbeddedMetadata file) {
		PhotoFields merged = new PhotoFields(
				either(MetadataText.paragraph(form.caption()), file.caption()),
				either(MetadataText.paragraph(form.altText()), file.altText()),
				either(MetadataText.line(form.credit()), file.credit()),
				either(MetadataText.line(form.creator()), file.creator()),
				either(MetadataText.line(form.source()), file.source()),
				either(MetadataText.line(form.copyrightNotice()), file.copyrightNotice()),
				either(MetadataText.paragraph(form.usageTerms()), file.usageTerms()),
				form.rightsExpireAt());
		List<FieldProblem> problems = merged.limitsBroken(validator)
			.stream()
			.map(p -> new FieldProblem(p.field(),
					p.message() + " (the value comes from the file's metadata; send a shorter one in the form)"))
			.toList();
		if (!problems.isEmpty()) {
			throw Problems.invalid(problems.get(0).field() + ": " + problems.get(0).message(), problems);
		}
		return merged;
	}

	private static String either(String fromForm, String fromFile) {
		return fromForm != null ? fromForm : fromFile;
	}
}
