package org.newsroom.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** docker-compose.yml as data (YAML anchors and merge keys resolved, as Compose does). */
final class ComposeFile {

	static final String FILE = "docker-compose.yml";

	private final Map<String, Object> tree;

	private ComposeFile(Map<String, Object> tree) {
		this.tree = tree;
	}

	static ComposeFile read() {
		return parse(Repository.read(FILE));
	}

	static ComposeFile parse(String yaml) {
		LoaderOptions options = new LoaderOptions();
		options.setAllowDuplicateKeys(false);
		return new ComposeFile(new Yaml(options).load(yaml));
	}

	Map<String, Object> services() {
		return YamlTree.map(tree, "services");
	}

	Map<String, Object> service(String name) {
		Map<String, Object> service = YamlTree.map(services(), name);
		if (service.isEmpty()) {
			throw new AssertionError(FILE + " has no service " + name);
		}
		return service;
	}

	Map<String, Object> volumes() {
		return YamlTree.map(tree, "volumes");
	}

	/** The application a Compose service runs, by its image name. */
	Optional<ServiceModule> module(String service) {
		return ServiceModule.ofImage(String.valueOf(YamlTree.at(service(service), "image")));
	}

	/** The environment of a service, whether written as a map or as a list of NAME=value. */
	Map<String, String> environment(String service) {
		Object environment = YamlTree.at(service(service), "environment");
		Map<String, String> variables = new java.util.LinkedHashMap<>();
		if (environment instanceof Map<?, ?> map) {
			map.forEach((key, value) -> variables.put(String.valueOf(key), value == null ? null : String.valueOf(value)));
		}
		else if (environment instanceof List<?> list) {
			for (Object entry : list) {
				String text = String.valueOf(entry);
				int equals = text.indexOf('=');
				variables.put(equals < 0 ? text : text.substring(0, equals), equals < 0 ? null : text.substring(equals + 1));
			}
		}
		return variables;
	}

	List<EnvironmentSetting> applicationSettings() {
		List<EnvironmentSetting> settings = new ArrayList<>();
		for (String service : services().keySet()) {
			module(service).ifPresent(module -> environment(service).keySet()
				.forEach(name -> settings.add(new EnvironmentSetting(FILE + " service " + service, module.name(), name))));
		}
		return settings;
	}
}
