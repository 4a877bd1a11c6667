package org.newsroom.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every environment variable that docker-compose.yml or the Kubernetes manifests set for one of
 * our applications is one that application reads: a misspelt name would otherwise be ignored in
 * silence and the service would run on its default.
 */
class EnvironmentNamesTest {

	static final List<String> OVERLAYS = Kustomize.OVERLAYS;

	@Test
	void composeSetsOnlyVariablesTheApplicationsRead() {
		List<EnvironmentSetting> settings = ComposeFile.read().applicationSettings();

		assertThat(settings).extracting(EnvironmentSetting::module).containsAll(ServiceModule.NAMES);
		assertThat(EnvironmentSetting.unread(settings)).isEmpty();
	}

	@ParameterizedTest
	@FieldSource("OVERLAYS")
	void kubernetesSetsOnlyVariablesTheApplicationsRead(String overlay) {
		List<EnvironmentSetting> settings = Kustomize.render(overlay).applicationSettings();

		assertThat(settings).extracting(EnvironmentSetting::module).containsAll(ServiceModule.NAMES);
		assertThat(EnvironmentSetting.unread(settings)).isEmpty();
	}

	@Test
	void aMisspeltVariableInComposeFailsTheCheck() {
		ComposeFile compose = ComposeFile.parse(Repository.read(ComposeFile.FILE)
			.replace("NEWSROOM_ISSUER_URI: http://localhost:8180/realms/news",
					"NEWSROOM_ISUER_URI: http://localhost:8180/realms/news"));

		List<String> findings = EnvironmentSetting.unread(compose.applicationSettings());

		// the misspelt line sits in the block every application's service shares (replicas included)
		long applications = compose.services().keySet().stream().filter(service -> compose.module(service).isPresent()).count();
		assertThat(applications).isGreaterThanOrEqualTo(4);
		assertThat(findings).hasSize((int) applications)
			.allSatisfy(finding -> assertThat(finding).contains("NEWSROOM_ISUER_URI"))
			.anySatisfy(finding -> assertThat(finding).contains("for gateway"));
	}

	@Test
	void aMisspeltVariableInAConfigMapFailsTheCheck() {
		String overlay = OVERLAYS.get(0);
		String rendered = Kustomize.renderText(overlay);

		Manifests misspelt = new Manifests(overlay, Kustomize.parse(
				rendered.replace("RANKING_SERVICE_URL: http://ranking-service:8083", "RANKING_SERVICE_ULR: http://ranking-service:8083")));

		assertThat(EnvironmentSetting.unread(misspelt.applicationSettings()))
			.singleElement().asString().contains("RANKING_SERVICE_ULR for gateway");
	}

	@Test
	void aVariableThatOnlyAnotherApplicationReadsFailsTheCheck() {
		// the gateway keeps no data: a MongoDB URI given to it would be a wiring mistake
		List<String> findings = EnvironmentSetting.unread(List.of(
				new EnvironmentSetting("test", "gateway", "SPRING_MONGODB_URI"),
				new EnvironmentSetting("test", "article-service", "SPRING_MONGODB_URI")));

		assertThat(findings).singleElement().asString().contains("SPRING_MONGODB_URI for gateway");
	}

	@Test
	void namesComeFromPlaceholdersBoundPropertiesAndBootSettings() {
		EnvironmentContract gateway = EnvironmentContract.of(ServiceModule.named("gateway"));
		EnvironmentContract articles = EnvironmentContract.of(ServiceModule.named("article-service"));

		// placeholders in the gateway's application.yml and in the platform defaults
		assertThat(gateway.names()).contains("ARTICLE_SERVICE_URL", "MEDIA_SERVICE_URL", "RANKING_SERVICE_URL",
				"NEWSROOM_ISSUER_URI", "NEWSROOM_JWK_SET_URI", "NEWSROOM_TOKEN_AUDIENCE", "MANAGEMENT_SERVER_PORT");
		assertThat(gateway.reads("SPRING_MONGODB_URI")).isFalse();
		// a placeholder of article-service, a @ConfigurationProperties record of platform-common,
		// and Boot's own settings
		assertThat(articles.names()).contains("NEWSROOM_ARTICLES_SECTIONS", "NEWSROOM_STORE_DIRECTORY",
				"SPRING_MONGODB_URI", "SPRING_MONGODB_DATABASE");
		assertThat(articles.why("NEWSROOM_ARTICLES_SECTIONS")).startsWith("placeholder in article-service");
		assertThat(articles.why("NEWSROOM_STORE_DIRECTORY")).isEqualTo("binds newsroom.store.directory");
	}

	@Test
	void recordComponentsBindInBothEnvironmentForms() {
		String source = """
				@ConfigurationProperties("newsroom.ranking")
				public record RankingProperties(
						@DefaultValue("1s") Duration flushInterval,
						@DefaultValue({ "a", "b(c)" }) List<String> botAgents,
						Buffer buffer) {
					record Buffer(int maxViews) {}
				}
				""";

		Map<String, String> names = EnvironmentContract.boundProperties(List.of(source));

		assertThat(names).containsKeys("NEWSROOM_RANKING_FLUSHINTERVAL", "NEWSROOM_RANKING_FLUSH_INTERVAL",
				"NEWSROOM_RANKING_BOTAGENTS", "NEWSROOM_RANKING_BUFFER_MAXVIEWS", "NEWSROOM_RANKING_BUFFER_MAX_VIEWS");
		assertThat(names).doesNotContainKey("NEWSROOM_RANKING_BUFFER");
	}
}
