package org.newsroom.platform.store;

import java.nio.file.Files;
import java.nio.file.Path;

import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedStoreTest {

	@TempDir
	Path dir;

	@Test
	void dataWrittenBeforeARestartIsReadAfterIt() {
		try (ConfigurableApplicationContext app = start("--newsroom.store.directory=" + dir)) {
			app.getBean(MongoTemplate.class).insert(new Document("headline", "kept across restarts"), "notes");
		}
		assertThat(dir.resolve("store-test.mv")).exists();

		try (ConfigurableApplicationContext app = start("--newsroom.store.directory=" + dir)) {
			assertThat(app.getBean(MongoTemplate.class).findAll(Document.class, "notes"))
				.extracting(note -> note.getString("headline"))
				.containsExactly("kept across restarts");
		}
	}

	@Test
	void aConfiguredUriIsUsedAndNoEmbeddedServerStarts() throws Exception {
		MongoServer external = new MongoServer(H2Backend.inMemory());
		String uri = external.bindAndGetConnectionString();
		try (ConfigurableApplicationContext app = start("--newsroom.store.directory=" + dir,
				"--spring.mongodb.uri=" + uri)) {
			assertThat(app.getBeansOfType(EmbeddedMongoServer.class)).isEmpty();
			app.getBean(MongoTemplate.class).insert(new Document("headline", "stored outside"), "notes");
		}
		try (var client = MongoClients.create(uri)) {
			assertThat(client.getDatabase("store-test").getCollection("notes").countDocuments()).isEqualTo(1);
		}
		finally {
			external.shutdownNow();
		}
		try (var files = Files.list(dir)) {
			assertThat(files).isEmpty();
		}
	}

	@Test
	void onKubernetesAMissingUriStopsTheApplication() throws Exception {
		assertThatThrownBy(() -> start("--newsroom.store.directory=" + dir, "--spring.main.cloud-platform=kubernetes"))
			.hasRootCauseInstanceOf(EmbeddedStoreRefusedException.class)
			.rootCause()
			.hasMessageContaining("embedded store is refused on Kubernetes");
		try (var files = Files.list(dir)) {
			assertThat(files).isEmpty();
		}
	}

	@Test
	void aBuildWithoutTheEmbeddedStoreStopsWhenNoMongoIsConfigured() {
		ApplicationContextRunner image = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(EmbeddedStoreAutoConfiguration.class,
					NoEmbeddedStoreAutoConfiguration.class, MongoAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(H2Backend.class));

		image.run(app -> assertThat(app).hasFailed()
			.getFailure()
			.rootCause()
			.isInstanceOf(EmbeddedStoreRefusedException.class)
			.hasMessageContaining("this build has no embedded store"));
		image.withPropertyValues("spring.mongodb.uri=mongodb://mongo.example:27017/")
			.run(app -> assertThat(app).hasNotFailed().doesNotHaveBean(EmbeddedMongoServer.class));
	}

	private static ConfigurableApplicationContext start(String... args) {
		return new SpringApplicationBuilder(StoreTestApplication.class).web(WebApplicationType.NONE)
			.properties("spring.application.name=store-test", "spring.mongodb.database=store-test")
			.run(args);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class StoreTestApplication {
	}
}
