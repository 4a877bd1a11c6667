package org.newsroom.platform.store;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the embedded store keeps its file when no {@code spring.mongodb.uri} is set.
 *
 * @param directory folder of the store file; default {@code data/<spring.application.name>}
 *     (env {@code NEWSROOM_STORE_DIRECTORY})
 * @param inMemory keep nothing on disk (a throwaway run); env {@code NEWSROOM_STORE_IN_MEMORY}
 * @param port loopback port to listen on; 0 (the default) picks a free one. A fixed port lets
 *     tools and end-to-end tests read the store directly (env {@code NEWSROOM_STORE_PORT})
 * @param writeThrough commit every change to the file before it is acknowledged (the default);
 *     false leaves it to MVStore's commit once a second, which a killed process loses. Only for
 *     measuring what write-through costs ({@code bench/writes.sh}); env
 *     {@code NEWSROOM_STORE_WRITE_THROUGH}
 */
@ConfigurationProperties("newsroom.store")
public record EmbeddedStoreProperties(String directory, boolean inMemory, int port,
		@DefaultValue("true") boolean writeThrough) {
}
