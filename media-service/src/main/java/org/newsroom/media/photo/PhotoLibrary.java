package org.newsroom.media.photo;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.bson.types.ObjectId;
import org.newsroom.media.metadata.CreditLine;
import org.newsroom.media.metadata.MetadataText;
import org.newsroom.platform.problem.FieldProblem;
import org.newsroom.platform.problem.Problems;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Finds photos: one by id, or a page of them, newest first. Writes go through {@link PhotoStore}. */
@Service
public class PhotoLibrary {

	private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-f]{24}");

	private final PhotoStore photos;
	private final MongoTemplate mongo;

	public PhotoLibrary(PhotoStore photos, MongoTemplate mongo) {
		this.photos = photos;
		this.mongo = mongo;
	}

	/** The photo, taken down or not; an id that is not an ObjectId names no photo. */
	public Photo find(String id) {
		if (id == null || !OBJECT_ID.matcher(id).matches()) {
			throw new PhotoNotFound();
		}
		return photos.findById(id).orElseThrow(PhotoNotFound::new);
	}

	/** The photo if its image can still be served. */
	public Photo findActive(String id) {
		Photo photo = find(id);
		if (photo.isTakenDown()) {
			throw new PhotoTakenDown();
		}
		return photo;
	}

	public record Filter(String credit, String source, String text, MediaStatus status) {
	}

	@Schema(name = "PhotoPage")
	public record Page(List<PhotoView> items,
			@Schema(nullable = true, description = "Pass as `cursor` for the next page; null on the last page") String nextCursor) {
	}

	/**
	 * A page of photos, newest first. {@code credit} and {@code source} match the whole display
	 * credit or source, ignoring case and the spacing of separators; {@code text} is a
	 * case-insensitive substring of the caption or the credit. The cursor is opaque to clients:
	 * the creation time and id of the last item, so inserts never shift a page.
	 */
	public Page list(Filter filter, int size, String cursor) {
		List<Criteria> all = new ArrayList<>();
		all.add(Criteria.where(Photo.Fields.STATUS).is(filter.status() != null ? filter.status() : MediaStatus.ACTIVE));
		if (filter.credit() != null) {
			all.add(Criteria.where(Photo.Fields.CREDIT_KEY).is(CreditLine.key(filter.credit())));
		}
		if (filter.source() != null) {
			all.add(Criteria.where(Photo.Fields.SOURCE_KEY).is(sourceKey(filter.source())));
		}
		if (filter.text() != null && !filter.text().isBlank()) {
			String literal = regexLiteral(filter.text().strip());
			all.add(new Criteria().orOperator(Criteria.where(Photo.Fields.CAPTION).regex(literal, "i"),
					Criteria.where(Photo.Fields.CREDIT).regex(literal, "i")));
		}
		if (cursor != null) {
			Position after = Position.decode(cursor);
			all.add(new Criteria().orOperator(Criteria.where(Photo.Fields.CREATED_AT).lt(after.createdAt()),
					Criteria.where(Photo.Fields.CREATED_AT)
						.is(after.createdAt())
						.and(Photo.Fields.ID)
						.lt(new ObjectId(after.id()))));
		}
		Query query = new Query(new Criteria().andOperator(all))
			.with(Sort.by(Sort.Order.desc(Photo.Fields.CREATED_AT), Sort.Order.desc(Photo.Fields.ID)))
			.limit(size + 1);
		List<Photo> found = mongo.find(query, Photo.class);
		String next = null;
		if (found.size() > size) {
			found = found.subList(0, size);
			Photo last = found.get(size - 1);
			next = new Position(last.createdAt(), last.id()).encode();
		}
		return new Page(found.stream().map(PhotoView::of).toList(), next);
	}

	public static String sourceKey(String source) {
		String line = MetadataText.line(source);
		return line == null ? null : line.toLowerCase(Locale.ROOT);
	}

	/**
	 * Escapes every regex metacharacter, so user text is matched literally (no ReDoS, no injection).
	 * Control characters are written as {@code \xhh}, which PCRE and Java read alike: a regex
	 * travels as a BSON cstring, which cannot hold a NUL.
	 */
	static String regexLiteral(String text) {
		StringBuilder out = new StringBuilder(text.length() * 2);
		for (char c : text.toCharArray()) {
			if (Character.isISOControl(c)) {
				out.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
				continue;
			}
			if ("\\^$.|?*+()[]{}-/#".indexOf(c) >= 0) {
				out.append('\\');
			}
			out.append(c);
		}
		return out.toString();
	}

	private record Position(Instant createdAt, String id) {

		String encode() {
			String plain = createdAt.toEpochMilli() + "." + id;
			return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
		}

		static Position decode(String cursor) {
			try {
				String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
				int dot = plain.indexOf('.');
				String id = plain.substring(dot + 1);
				if (dot <= 0 || !OBJECT_ID.matcher(id).matches()) {
					throw new IllegalArgumentException("malformed");
				}
				return new Position(Instant.ofEpochMilli(Long.parseLong(plain.substring(0, dot))), id);
			}
			catch (IllegalArgumentException e) {
				throw Problems.badRequest("cursor: not a cursor this API gave out",
						List.of(new FieldProblem("cursor", "not a cursor this API gave out")));
			}
		}
	}
}
