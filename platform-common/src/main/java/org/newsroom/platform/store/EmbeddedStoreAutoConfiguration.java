package org.newsroom.platform.store;

import java.nio.file.Path;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.cloud.CloudPlatform;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;

/**
 * The embedded default: with no {@code spring.mongodb.uri}, start an in-process wire-protocol
 * server and point Boot's MongoDB client at it. With a URI, nothing here runs. On Kubernetes a
 * missing URI stops the application instead.
 */
@AutoConfiguration(before = MongoAutoConfiguration.class)
@ConditionalOnClass({ MongoServer.class, H2Backend.class, ConnectionString.class })
@Conditional(NoMongoConfiguredCondition.class)
@EnableConfigurationProperties(EmbeddedStoreProperties.class)
public class EmbeddedStoreAutoConfiguration {

	@Bean(destroyMethod = "stop")
	EmbeddedMongoServer embeddedMongoServer(EmbeddedStoreProperties properties, Environment environment) {
		CloudPlatform platform = CloudPlatform.getActive(environment);
		if (platform == CloudPlatform.KUBERNETES) {
			throw new EmbeddedStoreRefusedException("Kubernetes");
		}
		if (properties.inMemory()) {
			return EmbeddedMongoServer.startInMemory(properties.port());
		}
		String service = environment.getProperty("spring.application.name", "service");
		String directory = properties.directory() != null ? properties.directory() : "data/" + service;
		return EmbeddedMongoServer.start(Path.of(directory, service + ".mv"), properties.port(), properties.writeThrough());
	}

	@Bean
	@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
	StoreBackupEndpoint storeBackupEndpoint(EmbeddedMongoServer server) {
		return new StoreBackupEndpoint(server);
	}

	@Bean
	MongoConnectionDetails embeddedMongoConnectionDetails(EmbeddedMongoServer server) {
		ConnectionString connection = new ConnectionString(server.connectionString());
		return () -> connection;
	}
}
