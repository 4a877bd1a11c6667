package org.newsroom.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The environment variables one application reads, worked out from its own files each time:
 * <ul>
 * <li>every {@code ${NAME...}} placeholder in its {@code application*.yml} and in platform-common's
 * {@code newsroom-platform-defaults.yml};</li>
 * <li>the relaxed-binding names of its {@code @ConfigurationProperties} records and
 * {@code @Value} keys (its own sources and platform-common's);</li>
 * <li>the Spring Boot and JVM settings a deployment sets on purpose: {@code SERVER_PORT},
 * {@code MANAGEMENT_SERVER_PORT}, {@code LOGGING_STRUCTURED_FORMAT_CONSOLE}, {@code JAVA_TOOL_OPTIONS}, and
 * for an application with MongoDB {@code SPRING_MONGODB_URI} and {@code SPRING_MONGODB_DATABASE}.</li>
 * </ul>
 * A name outside this set does nothing in the application, so setting it is a mistake (a typo,
 * or a setting the application lost).
 */
final class EnvironmentContract {

	private static final String PLATFORM_DEFAULTS = "platform-common/src/main/resources/newsroom-platform-defaults.yml";

	private static final String PLATFORM_SOURCES = "platform-common/src/main/java";

	private static final Map<String, String> BOOT_SETTINGS = Map.of(
			"SERVER_PORT", "Spring Boot: server.port",
			"MANAGEMENT_SERVER_PORT", "Spring Boot: management.server.port (the actuator's own port)",
			"LOGGING_STRUCTURED_FORMAT_CONSOLE", "Spring Boot: logging.structured.format.console",
			"JAVA_TOOL_OPTIONS", "the JVM's own options variable");

	private static final Map<String, String> MONGO_SETTINGS = Map.of(
			"SPRING_MONGODB_URI", "Spring Boot: spring.mongodb.uri",
			"SPRING_MONGODB_DATABASE", "Spring Boot: spring.mongodb.database");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?=[:}])");

	private static final Pattern PROPERTIES_RECORD = Pattern.compile(
			"@ConfigurationProperties\\(\\s*(?:(?:prefix|value)\\s*=\\s*)?\"([^\"]+)\"\\s*\\)[^;{]*?\\brecord\\s+(\\w+)\\s*\\(");

	private static final Pattern ANY_RECORD = Pattern.compile("\\brecord\\s+(\\w+)\\s*\\(");

	private static final Pattern VALUE_KEY = Pattern.compile("@Value\\(\\s*\"\\$\\{([a-zA-Z0-9_.\\-]+)(?=[:}])");

	private final String module;

	private final Map<String, String> reasons;

	private EnvironmentContract(String module, Map<String, String> reasons) {
		this.module = module;
		this.reasons = reasons;
	}

	static EnvironmentContract of(ServiceModule module) {
		Map<String, String> reasons = new TreeMap<>();
		BOOT_SETTINGS.forEach(reasons::put);
		if (module.usesMongo()) {
			MONGO_SETTINGS.forEach(reasons::put);
		}
		for (Path file : applicationSettings(module.name())) {
			placeholders(Repository.read(file)).forEach(name -> reasons.putIfAbsent(name, "placeholder in " + relative(file)));
		}
		placeholders(Repository.read(PLATFORM_DEFAULTS))
			.forEach(name -> reasons.putIfAbsent(name, "placeholder in " + PLATFORM_DEFAULTS));
		List<String> sources = new ArrayList<>();
		javaSources(module.name() + "/src/main/java").forEach(file -> sources.add(Repository.read(file)));
		javaSources(PLATFORM_SOURCES).forEach(file -> sources.add(Repository.read(file)));
		boundProperties(sources).forEach((name, property) -> reasons.putIfAbsent(name, "binds " + property));
		return new EnvironmentContract(module.name(), reasons);
	}

	String module() {
		return module;
	}

	boolean reads(String name) {
		return reasons.containsKey(name);
	}

	Set<String> names() {
		return new TreeSet<>(reasons.keySet());
	}

	String why(String name) {
		return reasons.get(name);
	}

	/** Whether the name may be set for this module: only if the module reads it. */
	boolean accepts(String name) {
		return reads(name);
	}

	static Set<String> placeholders(String text) {
		Set<String> names = new TreeSet<>();
		Matcher matcher = PLACEHOLDER.matcher(text);
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

	/**
	 * Environment names Spring Boot binds to the properties that the sources declare, in both
	 * forms it accepts: {@code newsroom.store.in-memory} is {@code NEWSROOM_STORE_INMEMORY} and
	 * {@code NEWSROOM_STORE_IN_MEMORY}.
	 */
	static Map<String, String> boundProperties(List<String> sources) {
		Map<String, String> records = new TreeMap<>();
		for (String source : sources) {
			Matcher matcher = ANY_RECORD.matcher(source);
			while (matcher.find()) {
				records.put(matcher.group(1), componentList(source, matcher.end()));
			}
		}
		Map<String, String> names = new TreeMap<>();
		for (String source : sources) {
			Matcher matcher = PROPERTIES_RECORD.matcher(source);
			while (matcher.find()) {
				addRecordProperties(matcher.group(1), componentList(source, matcher.end()), records, names, 0);
			}
			Matcher value = VALUE_KEY.matcher(source);
			while (value.find()) {
				addEnvironmentNames(value.group(1), names);
			}
		}
		return names;
	}

	private static void addRecordProperties(String prefix, String components, Map<String, String> records,
			Map<String, String> names, int depth) {
		for (String component : splitTopLevel(stripAnnotations(components))) {
			String[] words = component.trim().split("\\s+");
			if (words.length < 2) {
				continue;
			}
			String name = words[words.length - 1];
			String type = String.join(" ", List.of(words).subList(0, words.length - 1)).replaceAll("<.*>", "");
			String simpleType = type.substring(type.lastIndexOf('.') + 1);
			String property = prefix + "." + kebab(name);
			if (records.containsKey(simpleType) && depth < 5) {
				addRecordProperties(property, records.get(simpleType), records, names, depth + 1);
			}
			else {
				addEnvironmentNames(property, names);
			}
		}
	}

	private static void addEnvironmentNames(String property, Map<String, String> names) {
		String upper = property.toUpperCase(java.util.Locale.ROOT).replace('.', '_');
		names.putIfAbsent(upper.replace("-", ""), property);
		names.putIfAbsent(upper.replace('-', '_'), property);
	}

	/** The text between the parenthesis that opens a record's components and its match. */
	private static String componentList(String source, int afterOpeningParenthesis) {
		int depth = 1;
		for (int i = afterOpeningParenthesis; i < source.length(); i++) {
			char c = source.charAt(i);
			if (c == '(') {
				depth++;
			}
			else if (c == ')' && --depth == 0) {
				return source.substring(afterOpeningParenthesis, i);
			}
		}
		return "";
	}

	/** Removes annotations, including arguments with nested parentheses, braces and strings. */
	static String stripAnnotations(String text) {
		StringBuilder out = new StringBuilder();
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c != '@') {
				out.append(c);
				i++;
				continue;
			}
			i++;
			while (i < text.length() && (Character.isJavaIdentifierPart(text.charAt(i)) || text.charAt(i) == '.')) {
				i++;
			}
			int j = i;
			while (j < text.length() && Character.isWhitespace(text.charAt(j))) {
				j++;
			}
			if (j < text.length() && text.charAt(j) == '(') {
				int depth = 0;
				boolean inString = false;
				for (i = j; i < text.length(); i++) {
					char d = text.charAt(i);
					if (d == '"' && text.charAt(i - 1) != '\\') {
						inString = !inString;
					}
					else if (!inString && d == '(') {
						depth++;
					}
					else if (!inString && d == ')' && --depth == 0) {
						i++;
						break;
					}
				}
			}
			out.append(' ');
		}
		return out.toString();
	}

	private static List<String> splitTopLevel(String components) {
		List<String> parts = new ArrayList<>();
		int depth = 0;
		int start = 0;
		for (int i = 0; i < components.length(); i++) {
			char c = components.charAt(i);
			if (c == '<') {
				depth++;
			}
			else if (c == '>') {
				depth--;
			}
			else if (c == ',' && depth == 0) {
				parts.add(components.substring(start, i));
				start = i + 1;
			}
		}
		parts.add(components.substring(start));
		return parts.stream().map(String::trim).filter(part -> !part.isEmpty()).toList();
	}

	private static String kebab(String camel) {
		return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
	}

	private static List<Path> applicationSettings(String module) {
		Path resources = Repository.path(module + "/src/main/resources");
		if (!Files.isDirectory(resources)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(resources)) {
			return files.filter(file -> file.getFileName().toString().matches("application(-[\\w-]+)?\\.(yml|yaml|properties)"))
				.sorted()
				.toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static List<Path> javaSources(String folder) {
		Path root = Repository.path(folder);
		if (!Files.isDirectory(root)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String relative(Path file) {
		return Repository.root().relativize(file).toString();
	}
}
