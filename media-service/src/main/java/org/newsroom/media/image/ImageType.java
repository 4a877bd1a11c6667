package org.newsroom.media.image;

import java.util.Optional;

/**
 * The image formats the photo desk accepts, recognised by their first bytes, never by the
 * declared type or the file name.
 */
public enum ImageType {

	JPEG("image/jpeg", "jpeg"),
	PNG("image/png", "png"),
	WEBP("image/webp", "webp");

	/** Enough leading bytes for {@link #sniff}. */
	public static final int SNIFF_LENGTH = 12;

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };

	private final String contentType;
	private final String formatName;

	ImageType(String contentType, String formatName) {
		this.contentType = contentType;
		this.formatName = formatName;
	}

	public String contentType() {
		return contentType;
	}

	/** The ImageIO format name whose readers decode this type. */
	String formatName() {
		return formatName;
	}

	public static Optional<ImageType> fromContentType(String contentType) {
		for (ImageType type : values()) {
			if (type.contentType.equals(contentType)) {
				return Optional.of(type);
			}
		}
		return Optional.empty();
	}

	public static Optional<ImageType> sniff(byte[] head) {
		if (startsWith(head, 0, new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF })) {
			return Optional.of(JPEG);
		}
		if (startsWith(head, 0, PNG_SIGNATURE)) {
			return Optional.of(PNG);
		}
		// RIFF container, any length, of form type WEBP
		if (startsWith(head, 0, new byte[] { 'R', 'I', 'F', 'F' }) && startsWith(head, 8, new byte[] { 'W', 'E', 'B', 'P' })) {
			return Optional.of(WEBP);
		}
		return Optional.empty();
	}

	private static boolean startsWith(byte[] head, int offset, byte[] expected) {
		if (head.length < offset + expected.length) {
			return false;
		}
		for (int i = 0; i < expected.length; i++) {
			if (head[offset + i] != expected[i]) {
				return false;
			}
		}
		return true;
	}
}
