package org.newsroom.deployment;

import java.util.List;

/** One environment variable a deployment file sets for one application. */
record EnvironmentSetting(String where, String module, String name) {

	/** The settings that no application reads, each as a sentence saying where and why. */
	static List<String> unread(List<EnvironmentSetting> settings) {
		return settings.stream()
			.filter(setting -> !EnvironmentContract.of(ServiceModule.named(setting.module())).accepts(setting.name()))
			.map(setting -> setting.where() + " sets " + setting.name() + " for " + setting.module()
					+ ", which " + setting.module() + " does not read (no ${" + setting.name()
					+ "} placeholder in its application.yml or the platform defaults, no property it binds, "
					+ "not a Spring Boot or JVM setting it uses)")
			.toList();
	}
}
