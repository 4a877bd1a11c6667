package org.newsroom.media.upload;

import java.util.List;
import java.util.Map;

import org.newsroom.platform.problem.FieldProblem;
import org.newsroom.platform.problem.ProblemException;

import org.springframework.http.HttpStatus;

/** Every photo a reader sees carries its credit: without one, nothing is stored. */
public class MissingCredit extends ProblemException {

	public MissingCredit() {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "missing-credit", "Photo credit missing",
				"Every photo needs a credit line, in the form or in the file's IPTC or XMP metadata.",
				List.of(new FieldProblem("credit", "required: no credit in the form or the file")), Map.of(), null);
	}
}
