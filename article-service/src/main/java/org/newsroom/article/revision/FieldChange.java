package org.newsroom.article.revision;

/**
 * One field a change touched and the value it had before (null when it had none). Values are
 * stored as plain JSON-like structures (text, numbers, lists, maps), as clients saw them.
 */
public record FieldChange(String field, Object previous) {
}
