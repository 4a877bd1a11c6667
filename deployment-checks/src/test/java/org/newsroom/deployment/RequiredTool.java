package org.newsroom.deployment;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A command-line tool a check runs. On a developer's machine without it the check is skipped
 * with a message saying what was not checked; in CI (CI=true, set by the CI runner) a missing
 * tool fails the build, so a green CI never hides an unchecked file.
 */
final class RequiredTool {

	private RequiredTool() {
	}

	static void require(boolean present, String tool, String unchecked) {
		String message = tool + " is not installed: " + unchecked + " were NOT checked (.ci/run installs it)";
		if (!present && "true".equals(System.getenv("CI"))) {
			fail(message);
		}
		assumeTrue(present, message);
	}

	/** {@link #require} for a tool that is there when its version command (its first word) answers. */
	static void requireAnswering(String unchecked, String... versionCommand) {
		require(answers(versionCommand), versionCommand[0], unchecked);
	}

	/** Whether the command runs and exits with 0 within a minute. */
	static boolean answers(String... command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			process.getInputStream().readAllBytes();
			return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
		}
		catch (IOException e) {
			return false;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}
}
