package org.newsroom.media.photo;

import java.util.List;
import java.util.Map;

import org.newsroom.platform.problem.FieldProblem;
import org.newsroom.platform.problem.ProblemException;

import org.springframework.http.HttpStatus;

/** The photo desk's refusals. */
final class PhotoProblems {

	private PhotoProblems() {
	}

	static ProblemException notFound() {
		return new ProblemException(HttpStatus.NOT_FOUND, "media-not-found", "Photo not found",
				"No photo has that id.");
	}

	static ProblemException unsupportedType() {
		return new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-image-type",
				"Unsupported image type", "Only JPEG and PNG images are accepted.");
	}

	static ProblemException unreadable() {
		return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "unreadable-image", "Unreadable image",
				"The file looks like an image but cannot be read: it may be corrupt or truncated.",
				List.of(new FieldProblem("file", "corrupt or truncated image")), Map.of(), null);
	}

	static ProblemException missingCredit() {
		return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "missing-credit", "Photo credit missing",
				"Every photo needs a credit line, in the form or in the file's IPTC metadata.",
				List.of(new FieldProblem("credit", "required: no credit in the form or the file")), Map.of(), null);
	}
}
