package org.newsroom.media.photo;

import java.util.Optional;

/**
 * The image formats the photo desk accepts, recognised by their first bytes (never by the
 * declared type or file name).
 */
enum ImageType {

	JPEG("image/jpeg", new int[] { 0xFF, 0xD8, 0xFF }),
	PNG("image/png", new int[] { 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A });

	final String contentType;
	private final int[] signature;

	ImageType(String contentType, int[] signature) {
		this.contentType = contentType;
		this.signature = signature;
	}

	static Optional<ImageType> sniff(byte[] head) {
		for (ImageType type : values()) {
			if (type.matches(head)) {
				return Optional.of(type);
			}
		}
		return Optional.empty();
	}

	private boolean matches(byte[] head) {
		if (head.length < signature.length) {
			return false;
		}
		for (int i = 0; i < signature.length; i++) {
			if ((head[i] & 0xFF) != signature[i]) {
				return false;
			}
		}
		return true;
	}
}
