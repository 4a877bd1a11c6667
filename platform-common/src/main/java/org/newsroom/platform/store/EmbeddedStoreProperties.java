package org.newsroom.platform.store;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the embedded store keeps its file when no {@code spring.mongodb.uri} is set.
 *
 * @param directory folder of the store file; default {@code data/<spring.application.name>}
 *     (env {@code NEWSROOM_STORE_DIRECTORY})
 * @param inMemory keep nothing on disk (a throwaway run); env {@code NEWSROOM_STORE_IN_MEMORY}
 */
@ConfigurationProperties("newsroom.store")
public record EmbeddedStoreProperties(String directory, boolean inMemory) {
}
