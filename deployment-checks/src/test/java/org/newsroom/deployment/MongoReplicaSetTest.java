package org.newsroom.deployment;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each service's connection URI lists every member of its own replica set, names the set the
 * members run, and is the very URI the init Job sets up the service's user from.
 */
class MongoReplicaSetTest {

	static final List<String> OVERLAYS = Kustomize.OVERLAYS;

	private static final Pattern URI = Pattern.compile("^mongodb://([^:@/]+):([^@/]+)@([^/?]+)/([^?]+)\\?(.*)$");

	record ConnectionUri(String user, String password, List<String> hosts, String database, Map<String, String> options) {

		static ConnectionUri parse(String uri) {
			Matcher matcher = URI.matcher(uri);
			assertThat(matcher.matches()).as("mongodb://user:password@members/database?options, got %s", uri).isTrue();
			Map<String, String> options = new LinkedHashMap<>();
			for (String pair : matcher.group(5).split("&")) {
				String[] parts = pair.split("=", 2);
				options.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
			}
			return new ConnectionUri(matcher.group(1), matcher.group(2), List.of(matcher.group(3).split(",")), matcher.group(4), options);
		}
	}

	@ParameterizedTest
	@FieldSource("OVERLAYS")
	void everyServiceUriListsAllMembersOfItsOwnReplicaSet(String overlay) {
		Manifests manifests = Kustomize.render(overlay);

		for (ServiceModule module : ServiceModule.all()) {
			if (!module.usesMongo()) {
				continue;
			}
			Container container = WorkloadHardeningTest.applicationContainer(manifests.workload(module.name()), module);
			ConnectionUri uri = ConnectionUri.parse(manifests.environment(container).get("SPRING_MONGODB_URI"));
			String database = configuredDatabase(module);
			StatefulSet set = manifests.get(StatefulSet.class, "mongo-" + database);
			Service headless = manifests.get(Service.class, set.getSpec().getServiceName());

			List<String> members = new ArrayList<>();
			for (int i = 0; i < set.getSpec().getReplicas(); i++) {
				members.add(set.getMetadata().getName() + "-" + i + "." + headless.getMetadata().getName() + ":27017");
			}
			assertThat(uri.hosts()).as("%s members", module.name()).containsExactlyElementsOf(members);
			assertThat(uri.database()).isEqualTo(database);
			assertThat(uri.options()).containsEntry("replicaSet", replicaSetOf(set)).containsEntry("authSource", database);
			assertThat(uri.user()).isEqualTo(module.name());
			assertThat(headless.getSpec().getClusterIP()).isEqualTo("None");
			assertThat(headless.getSpec().getPublishNotReadyAddresses()).isTrue();
			assertThat(Selectors.matches(headless.getSpec().getSelector(), set.getSpec().getTemplate().getMetadata().getLabels())).isTrue();
		}
	}

	@ParameterizedTest
	@FieldSource("OVERLAYS")
	void theInitJobSetsUpTheUserTheServiceConnectsAs(String overlay) {
		Manifests manifests = Kustomize.render(overlay);

		for (ServiceModule module : ServiceModule.all()) {
			if (!module.usesMongo()) {
				continue;
			}
			String database = configuredDatabase(module);
			Container service = WorkloadHardeningTest.applicationContainer(manifests.workload(module.name()), module);
			Job job = manifests.get(Job.class, "mongo-init-" + database);
			Map<String, String> init = manifests.environment(job.getSpec().getTemplate().getSpec().getContainers().get(0));
			StatefulSet set = manifests.get(StatefulSet.class, "mongo-" + database);
			Map<String, String> mongod = manifests.environment(set.getSpec().getTemplate().getSpec().getContainers().get(0));

			assertThat(init.get("SERVICE_MONGODB_URI")).isEqualTo(manifests.environment(service).get("SPRING_MONGODB_URI"));
			assertThat(init.get("MONGO_REPLICA_SET")).isEqualTo(replicaSetOf(set));
			assertThat(init.get("MONGO_ROOT_USERNAME")).isEqualTo(mongod.get("MONGO_INITDB_ROOT_USERNAME"));
			assertThat(init.get("MONGO_ROOT_PASSWORD")).isEqualTo(mongod.get("MONGO_INITDB_ROOT_PASSWORD"));
			String scripts = job.getSpec().getTemplate().getSpec().getVolumes().stream()
				.filter(volume -> volume.getConfigMap() != null).findFirst().orElseThrow().getConfigMap().getName();
			assertThat(manifests.configMapData(scripts).get("init-replica-set.js"))
				.isEqualTo(Repository.read("k8s/base/mongo/init-replica-set.js"));
		}
	}

	@ParameterizedTest
	@FieldSource("OVERLAYS")
	void membersAuthenticateToEachOtherWithAKeyFileOnlyTheyCanRead(String overlay) {
		Manifests manifests = Kustomize.render(overlay);

		for (StatefulSet set : manifests.of(StatefulSet.class)) {
			if (!set.getMetadata().getName().startsWith("mongo-")) {
				continue;
			}
			List<String> args = set.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs();
			String keyFile = args.get(args.indexOf("--keyFile") + 1);
			List<String> copy = set.getSpec().getTemplate().getSpec().getInitContainers().get(0).getCommand();

			assertThat(args).contains("--replSet", "--bind_ip_all");
			assertThat(String.join(" ", copy)).contains("chmod 0400 " + keyFile);
		}
	}

	private static String replicaSetOf(StatefulSet set) {
		List<String> args = set.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs();
		return args.get(args.indexOf("--replSet") + 1);
	}

	private static String configuredDatabase(ServiceModule module) {
		Map<String, Object> settings = new Yaml().load(Repository.read(module.name() + "/src/main/resources/application.yml"));
		return String.valueOf(YamlTree.at(settings, "spring", "mongodb", "database"));
	}
}
