package org.newsroom.media.image;

import java.util.List;
import java.util.Map;

import org.newsroom.platform.problem.FieldProblem;
import org.newsroom.platform.problem.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * Why an uploaded file is not taken as a photo. Every refusal names the {@code file} part, so a
 * client can show it next to the file picker.
 */
public class ImageRefused extends ProblemException {

	private ImageRefused(HttpStatus status, String type, String title, String detail, String message) {
		super(status, type, title, detail, List.of(new FieldProblem("file", message)), Map.of(), null);
	}

	/** Not JPEG, PNG or WebP by its bytes: SVG, HTML, PDF, GIF, anything else. */
	public static ImageRefused unsupportedType() {
		return new ImageRefused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-image-type", "Unsupported image type",
				"Only JPEG, PNG and WebP photos are accepted, recognised by their content (not by name or declared type).",
				"not a JPEG, PNG or WebP image");
	}

	/** Bytes after the end of the image: the file is an image and something else at once. */
	public static ImageRefused trailingData(ImageType type, long extraBytes) {
		return new ImageRefused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-image-type", "Unsupported image type",
				"The file has " + extraBytes + " bytes of other content after the end of its " + type
						+ " image; save the photo again as a plain image file.",
				"content after the end of the image");
	}

	public static ImageRefused unreadable(String why) {
		return new ImageRefused(HttpStatus.UNPROCESSABLE_CONTENT, "unreadable-image", "Unreadable image",
				"The file looks like an image but cannot be read: " + why + ".", "corrupt or truncated image: " + why);
	}

	public static ImageRefused tooManyPixels(long width, long height, long maxPixels) {
		return new ImageRefused(HttpStatus.UNPROCESSABLE_CONTENT, "too-many-pixels", "Image too large",
				"The image is " + width + " × " + height + " pixels; at most " + maxPixels
						+ " pixels are accepted. Scale it down before uploading.",
				"more than " + maxPixels + " pixels");
	}
}
