package org.newsroom.article.story;

import java.time.Instant;

/** A correction appended to a published article, shown to readers with its time. */
public record Correction(Instant at, String text) {
}
