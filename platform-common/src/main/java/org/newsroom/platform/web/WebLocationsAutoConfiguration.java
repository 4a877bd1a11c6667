package org.newsroom.platform.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Binds {@link ServiceLocations} in every application, so none declares its own. */
@AutoConfiguration
@EnableConfigurationProperties(ServiceLocations.class)
public class WebLocationsAutoConfiguration {
}
