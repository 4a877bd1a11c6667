package org.newsroom.media.rendition;

import java.util.List;
import java.util.Optional;

/**
 * The named renditions of the contract (docs/architecture.md, "media-service"). Width renditions keep the photo's
 * proportions; {@code og} (Open Graph, for share cards on Facebook, X and KakaoTalk) is a
 * 1200×630 centre crop.
 *
 * <p>Never upscaled: from an original narrower than a rendition's width, that rendition is the
 * original's size (re-encoded, metadata stripped), so {@code large} of an 800-pixel photo is 800
 * pixels wide. {@code og} of a photo smaller than 1200×630 is the largest 1200:630 centre crop
 * the photo has, at its own resolution. Every name exists for every active photo, so clients can
 * rely on the names; the media JSON gives each one's real size.
 */
public enum RenditionSpec {

	THUMB("thumb", 320, 0),
	SMALL("small", 640, 0),
	MEDIUM("medium", 1024, 0),
	LARGE("large", 1600, 0),
	OG("og", 1200, 630);

	private final String id;
	private final int width;
	private final int cropHeight;

	RenditionSpec(String id, int width, int cropHeight) {
		this.id = id;
		this.width = width;
		this.cropHeight = cropHeight;
	}

	public String id() {
		return id;
	}

	public static List<RenditionSpec> all() {
		return List.of(values());
	}

	/** Exact, case-sensitive: the name is never used as anything but a key. */
	public static Optional<RenditionSpec> named(String name) {
		for (RenditionSpec spec : values()) {
			if (spec.id.equals(name)) {
				return Optional.of(spec);
			}
		}
		return Optional.empty();
	}

	public String url(String photoId) {
		return "/api/media/" + photoId + "/renditions/" + id;
	}

	public record Size(int width, int height) {
	}

	/**
	 * How a photo of the given size (as displayed) becomes this rendition: scaled to
	 * {@code scaled}, then cut to {@code crop} around the centre (the same size when nothing is cut).
	 */
	public record Plan(Size scaled, Size crop) {
	}

	/** The rendition's size for a photo of the given displayed size. */
	public Size sizeFor(int photoWidth, int photoHeight) {
		return plan(photoWidth, photoHeight).crop();
	}

	public Plan plan(int photoWidth, int photoHeight) {
		if (cropHeight == 0) {
			if (photoWidth <= width) {
				Size same = new Size(photoWidth, photoHeight);
				return new Plan(same, same);
			}
			Size scaled = new Size(width, Math.max(1, (int) Math.round((double) photoHeight * width / photoWidth)));
			return new Plan(scaled, scaled);
		}
		// cover the crop box, but never enlarge
		double factor = Math.min(1.0, Math.max((double) width / photoWidth, (double) cropHeight / photoHeight));
		Size scaled = new Size(Math.max(1, (int) Math.round(photoWidth * factor)),
				Math.max(1, (int) Math.round(photoHeight * factor)));
		// the largest box of the target's proportions that fits, at most the target itself
		int cropWidth;
		int cropHeightHere;
		if ((long) scaled.width() * cropHeight >= (long) scaled.height() * width) {
			cropHeightHere = Math.min(cropHeight, scaled.height());
			cropWidth = Math.min(scaled.width(), (int) Math.round((double) cropHeightHere * width / cropHeight));
		}
		else {
			cropWidth = Math.min(width, scaled.width());
			cropHeightHere = Math.min(scaled.height(), (int) Math.round((double) cropWidth * cropHeight / width));
		}
		return new Plan(scaled, new Size(Math.max(1, cropWidth), Math.max(1, cropHeightHere)));
	}
}
