package org.newsroom.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repository as it is on disk: every check reads the files themselves at test time, so a
 * setting another module adds tomorrow is checked without anyone updating this module.
 */
final class Repository {

	private static final Path ROOT = Path.of(System.getProperty("newsroom.root", "..")).toAbsolutePath().normalize();

	private Repository() {
	}

	static Path root() {
		return ROOT;
	}

	static Path path(String relative) {
		return ROOT.resolve(relative);
	}

	static String read(String relative) {
		return read(path(relative));
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read " + ROOT.relativize(file.toAbsolutePath()), e);
		}
	}
}
