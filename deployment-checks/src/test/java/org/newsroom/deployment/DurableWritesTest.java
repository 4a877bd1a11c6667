package org.newsroom.deployment;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.ConnectionString;
import com.mongodb.ReadPreference;
import com.mongodb.WriteConcern;
import io.fabric8.kubernetes.api.model.Container;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 2xx from a service means the write is on a majority of the replica set, in each member's
 * journal, so it survives the loss of the primary; and the editor's next read goes to the
 * primary, which has that write, never to a secondary that may lag. Each service's connection
 * string says so itself, in Compose and in both overlays, read by the driver's own parser.
 */
class DurableWritesTest {

	static final List<String> OVERLAYS = Kustomize.OVERLAYS;

	@Test
	void composeServicesWaitForAJournaledMajorityAndReadThePrimary() {
		ComposeFile compose = ComposeFile.read();

		for (ServiceModule module : ServiceModule.all()) {
			if (module.usesMongo()) {
				String uri = compose.environment(module.name()).get("SPRING_MONGODB_URI");
				assertThat(brokenPromises(uri)).as("%s %s", ComposeFile.FILE, module.name()).isEmpty();
			}
		}
	}

	@ParameterizedTest
	@FieldSource("OVERLAYS")
	void kubernetesServicesWaitForAJournaledMajorityAndReadThePrimary(String overlay) {
		Manifests manifests = Kustomize.render(overlay);

		for (ServiceModule module : ServiceModule.all()) {
			if (module.usesMongo()) {
				Container container = WorkloadHardeningTest.applicationContainer(manifests.workload(module.name()), module);
				String uri = manifests.environment(container).get("SPRING_MONGODB_URI");
				assertThat(brokenPromises(uri)).as("%s %s", overlay, module.name()).isEmpty();
			}
		}
	}

	@Test
	void aUriThatLeavesAnyOfThePromisesToDefaultsIsCaught() {
		assertThat(brokenPromises("mongodb://h:27017/?w=majority&journal=true&readPreference=primary")).isEmpty();
		// nothing stated: the server's default write concern would decide
		assertThat(brokenPromises("mongodb://h:27017/")).hasSize(3);
		assertThat(brokenPromises("mongodb://h:27017/?w=1&journal=true&readPreference=primary")).singleElement()
			.asString().contains("w=majority");
		assertThat(brokenPromises("mongodb://h:27017/?w=majority&readPreference=primary")).singleElement()
			.asString().contains("journal=true");
		assertThat(brokenPromises("mongodb://h:27017/?w=majority&journal=true&readPreference=secondaryPreferred"))
			.singleElement().asString().contains("readPreference=primary");
	}

	/** What the URI fails to promise, in words; empty when it keeps all three. */
	static List<String> brokenPromises(String uri) {
		List<String> broken = new ArrayList<>();
		if (uri == null) {
			return List.of("no SPRING_MONGODB_URI");
		}
		ConnectionString parsed = new ConnectionString(uri);
		WriteConcern concern = parsed.getWriteConcern();
		if (concern == null || !"majority".equals(concern.getWObject())) {
			broken.add("w=majority: a write answered before a majority has it can vanish with the primary");
		}
		if (concern == null || !Boolean.TRUE.equals(concern.getJournal())) {
			broken.add("journal=true: a write answered before it is journaled can vanish in a crash");
		}
		if (!ReadPreference.primary().equals(parsed.getReadPreference())) {
			broken.add("readPreference=primary: a secondary may not have the editor's own write yet");
		}
		return broken;
	}
}
