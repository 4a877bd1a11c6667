package org.newsroom.gateway.web;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Nu HTML Checker (the W3C's validator, {@code nu.validator:validator} from Maven Central,
 * copied to {@code target/nu-html-checker} by the gateway's build) run on pages, as a process of
 * its own (see the pom for why): every error it reports, as its command line prints them
 * ({@code "file:/…/name.html":line.col-line.col: error: message}). Warnings and notes are advice,
 * not errors, and are not asked for.
 */
final class NuHtmlChecker {

	private static final Path CHECKER = Path.of("target", "nu-html-checker");

	private NuHtmlChecker() {
	}

	/** The errors in each page ({@code name} to HTML), all pages checked in one run. */
	static List<String> errors(Map<String, String> pages) {
		try {
			Path folder = Files.createTempDirectory("nu-html-checker");
			List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
					// the checker's schema evaluation recurses deeply; its command line asks for 512k at least
					"-Xss16m", "-cp", CHECKER.toAbsolutePath() + File.separator + "*",
					"nu.validator.client.SimpleCommandLineValidator", "--errors-only", "--format", "gnu"));
			for (Map.Entry<String, String> page : pages.entrySet()) {
				Path file = folder.resolve(page.getKey().replaceAll("[^A-Za-z0-9]+", "_") + ".html");
				Files.writeString(file, page.getValue(), StandardCharsets.UTF_8);
				command.add(file.toString());
			}
			Process checker = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(checker.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!checker.waitFor(5, TimeUnit.MINUTES)) {
				checker.destroyForcibly();
				throw new IllegalStateException("the checker did not finish");
			}
			List<String> errors = new ArrayList<>();
			for (String line : output.split("\n")) {
				if (line.contains(": error: ") || line.contains(": fatal: ")) {
					errors.add(line.strip());
				}
				else if (!line.isBlank()) {
					// anything else means the checker itself could not run (a missing jar, a crash)
					throw new IllegalStateException("the checker said: " + output);
				}
			}
			if (checker.exitValue() != 0 && errors.isEmpty()) {
				throw new IllegalStateException("the checker failed (" + checker.exitValue() + "): " + output);
			}
			return errors;
		}
		catch (IOException e) {
			throw new IllegalStateException("the checker could not run; is target/nu-html-checker there (mvn generate-test-resources)?", e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
