package org.newsroom.platform.store;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * The images are built without the embedded store (the services' {@code embedded-store} Maven
 * profile). Started there with no MongoDB configured, a service stops at once and says why,
 * instead of trying {@code localhost:27017} and never becoming ready.
 */
@AutoConfiguration(before = MongoAutoConfiguration.class)
@ConditionalOnClass(name = "com.mongodb.ConnectionString")
@ConditionalOnMissingClass("de.bwaldvogel.mongo.backend.h2.H2Backend")
@Conditional(NoMongoConfiguredCondition.class)
public class NoEmbeddedStoreAutoConfiguration {

	@Bean
	MongoConnectionDetails noMongoConfigured() {
		throw new EmbeddedStoreRefusedException();
	}
}
