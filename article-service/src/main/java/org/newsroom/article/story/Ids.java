package org.newsroom.article.story;

import java.util.List;
import java.util.regex.Pattern;

import org.newsroom.platform.problem.FieldProblem;
import org.newsroom.platform.problem.Problems;

/** Article and media ids are MongoDB ObjectIds written as 24 lowercase hex digits. */
public final class Ids {

	private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-f]{24}");

	private Ids() {
	}

	public static boolean isValid(String id) {
		return id != null && OBJECT_ID.matcher(id).matches();
	}

	/** A 400 naming the parameter when the value cannot be an id at all. */
	public static String require(String id, String field) {
		if (!isValid(id)) {
			throw Problems.badRequest(field + ": not an id (24 lowercase hex digits)",
					List.of(new FieldProblem(field, "not an id (24 lowercase hex digits)")));
		}
		return id;
	}
}
