package org.newsroom.article.story;

import java.time.Instant;

/**
 * A scheduler replica's hold on a due article: no other replica claims it before {@code until}.
 * After a failed attempt the claim is kept with a later {@code until}, which is the back-off.
 */
public record ScheduleClaim(String owner, Instant until) {
}
