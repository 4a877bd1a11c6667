package org.newsroom.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Dockerfile as its instructions, in order, with line continuations joined and comments
 * dropped; enough to check what an image claims without a container engine.
 */
record Dockerfile(String file, List<Instruction> instructions) {

	record Instruction(String keyword, String arguments) {
	}

	static Dockerfile read(String file) {
		List<Instruction> instructions = new ArrayList<>();
		StringBuilder pending = new StringBuilder();
		for (String line : Repository.read(file).split("\n")) {
			String trimmed = line.strip();
			if (pending.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
				continue;
			}
			if (!pending.isEmpty() && trimmed.startsWith("#")) {
				continue;
			}
			if (trimmed.endsWith("\\")) {
				pending.append(trimmed, 0, trimmed.length() - 1).append(' ');
				continue;
			}
			pending.append(trimmed);
			String text = pending.toString().strip();
			pending.setLength(0);
			int space = text.indexOf(' ');
			instructions.add(new Instruction(text.substring(0, space < 0 ? text.length() : space).toUpperCase(Locale.ROOT),
					space < 0 ? "" : text.substring(space + 1).strip()));
		}
		return new Dockerfile(file, instructions);
	}

	List<Instruction> all(String keyword) {
		return instructions.stream().filter(instruction -> instruction.keyword.equals(keyword)).toList();
	}

	/** The instructions of the last stage: what the image that runs is made of. */
	Dockerfile finalStage() {
		int last = -1;
		for (int i = 0; i < instructions.size(); i++) {
			if (instructions.get(i).keyword.equals("FROM")) {
				last = i;
			}
		}
		return new Dockerfile(file + " (final stage)", instructions.subList(last, instructions.size()));
	}

	/** The image of a FROM instruction, without its flags and stage name. */
	static String baseImage(Instruction from) {
		return List.of(from.arguments.split("\\s+")).stream()
			.filter(word -> !word.startsWith("--"))
			.findFirst()
			.orElse("");
	}

	String only(String keyword) {
		List<Instruction> found = all(keyword);
		if (found.size() != 1) {
			throw new AssertionError(file + " has " + found.size() + " " + keyword + " instructions, expected one");
		}
		return found.get(0).arguments;
	}
}
