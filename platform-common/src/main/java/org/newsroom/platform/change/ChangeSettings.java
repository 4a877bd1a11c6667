package org.newsroom.platform.change;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How caches follow the change logs ({@link ChangeFollower}); the same for every application.
 * Together they bound how long a change takes to reach every cache: a change is read within
 * {@code interval}, and dropped again {@code settle} later.
 *
 * @param interval how often a follower reads (env NEWSROOM_CHANGES_INTERVAL)
 * @param overlap how far back each read looks before the newest change seen: a change recorded
 *     late (by another replica, or while the read ran) is still found
 * @param settle when a change is handed over a second time
 */
@ConfigurationProperties("newsroom.changes")
public record ChangeSettings(@DefaultValue("250ms") Duration interval, @DefaultValue("5s") Duration overlap,
		@DefaultValue("1s") Duration settle) {
}
