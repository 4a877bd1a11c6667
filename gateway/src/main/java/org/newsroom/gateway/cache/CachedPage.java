package org.newsroom.gateway.cache;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

import org.springframework.http.MediaType;

/**
 * A page as it goes to readers, ready to send: status, headers, the body in each encoding worth
 * having, its ETag, and what the page cache needs to keep it right: the {@link #tags} a change
 * purges it by ({@code article:<id>}, {@code slug:<slug>}, {@code photo:<id>}, {@link #LISTS}),
 * and the Top list version it was built with.
 *
 * @param storable whether the page may be kept (a complete or degraded 200; never an error page)
 * @param degraded a part is missing (a service is down): kept only briefly
 */
public record CachedPage(int status, MediaType contentType, String cacheControl, Map<String, String> headers,
		byte[] body, Encodings.Encoded encoded, String etag, Set<String> tags, long topVersion, boolean storable,
		boolean degraded) {

	/** The tag of every page that lists articles: any article change purges it. */
	public static final String LISTS = "lists";

	public static String article(String id) {
		return "article:" + id;
	}

	public static String slug(String slug) {
		return "slug:" + slug;
	}

	public static String photo(String id) {
		return "photo:" + id;
	}

	/** A page that may be kept, with its encodings and ETag made once, now. */
	public static CachedPage of(int status, MediaType contentType, String cacheControl, byte[] body, Set<String> tags,
			long topVersion, boolean degraded) {
		return new CachedPage(status, contentType, cacheControl, Map.of(), body, Encodings.encode(body),
				etagOf(body), Set.copyOf(tags), topVersion, status == 200, degraded);
	}

	/** An answer that is never kept (an error page), sent as it is. */
	public static CachedPage once(int status, MediaType contentType, String cacheControl, Map<String, String> headers,
			byte[] body) {
		return new CachedPage(status, contentType, cacheControl, Map.copyOf(headers), body, Encodings.encode(body), null,
				Set.of(), 0, false, false);
	}

	/** Memory the page takes in the cache: all its encodings. */
	int weight() {
		return body.length + encoded.weight() + 256;
	}

	boolean taggedWithAny(Set<String> purged) {
		for (String tag : tags) {
			if (purged.contains(tag)) {
				return true;
			}
		}
		return false;
	}

	/** A weak ETag: the body is the same in meaning whatever encoding carries it. */
	private static String etagOf(byte[] body) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
			return "W/\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
		}
	}
}
