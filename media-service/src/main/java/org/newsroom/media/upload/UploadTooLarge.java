package org.newsroom.media.upload;

import java.util.List;
import java.util.Map;

import org.newsroom.platform.problem.FieldProblem;
import org.newsroom.platform.problem.ProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

/** 413: the upload is over the configured size limit. */
public class UploadTooLarge extends ProblemException {

	public UploadTooLarge(String field, DataSize limit) {
		super(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Upload too large",
				"Photos may be at most " + describe(limit) + ".",
				List.of(new FieldProblem(field, "larger than " + describe(limit))), Map.of(), null);
	}

	private static String describe(DataSize size) {
		long bytes = size.toBytes();
		if (bytes % (1024 * 1024) == 0) {
			return (bytes / (1024 * 1024)) + " MB";
		}
		if (bytes % 1024 == 0) {
			return (bytes / 1024) + " KB";
		}
		return bytes + " bytes";
	}
}
