package org.newsroom.deployment;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.Yaml;

/**
 * One of the four applications that are shipped as images, with what its own files say about
 * it: the port in its application.yml and whether it keeps data in MongoDB (its pom).
 */
record ServiceModule(String name, int port, boolean usesMongo) {

	static final String REGISTRY = "ghcr.io/newsroom-platform/";

	static final List<String> NAMES = List.of("gateway", "article-service", "media-service", "ranking-service");

	static List<ServiceModule> all() {
		return NAMES.stream().map(ServiceModule::read).toList();
	}

	static ServiceModule named(String name) {
		return all().stream()
			.filter(module -> module.name.equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no service module " + name));
	}

	/** The module an image belongs to, from its name: {@code ghcr.io/newsroom-platform/<module>:<tag>}. */
	static Optional<ServiceModule> ofImage(String image) {
		if (image == null || !image.startsWith(REGISTRY)) {
			return Optional.empty();
		}
		String name = image.substring(REGISTRY.length()).replaceFirst("[:@].*$", "");
		return NAMES.contains(name) ? Optional.of(read(name)) : Optional.empty();
	}

	private static ServiceModule read(String name) {
		Map<String, Object> settings = new Yaml().load(Repository.read(name + "/src/main/resources/application.yml"));
		Object port = YamlTree.at(settings, "server", "port");
		if (!(port instanceof Integer number)) {
			throw new IllegalStateException(name + "/src/main/resources/application.yml has no numeric server.port");
		}
		boolean mongo = Repository.read(name + "/pom.xml").contains("<artifactId>spring-boot-starter-data-mongodb</artifactId>");
		return new ServiceModule(name, number, mongo);
	}

	String dockerfile() {
		return name + "/Dockerfile";
	}

	boolean hasDockerfile() {
		return Files.isRegularFile(Repository.path(dockerfile()));
	}

	String imageRepository() {
		return REGISTRY + name;
	}
}
