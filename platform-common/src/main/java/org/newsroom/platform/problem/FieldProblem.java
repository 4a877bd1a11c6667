package org.newsroom.platform.problem;

/** One rejected input value: which field (a JSON path or parameter name) and why. */
public record FieldProblem(String field, String message) {
}
