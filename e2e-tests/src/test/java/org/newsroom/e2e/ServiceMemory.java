package org.newsroom.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The memory of a running service: heap in use right after a full collection ({@code jcmd PID
 * GC.run}, then {@code jstat -gc}), which is what stays alive, and the resident set size from
 * {@code /proc}, which is what the machine pays. The process is found through the pid file
 * run-local.sh writes ({@code pids/NAME.pid}, the leader of the process group it started).
 *
 * @param heapUsedKb live heap after a collection, in KiB; -1 when it could not be measured
 * @param rssKb resident set size, in KiB; -1 when it could not be read
 */
record ServiceMemory(String service, long pid, long heapUsedKb, long rssKb) {

	static ServiceMemory measure(Path stateDirectory, String service) {
		Optional<Long> pid = javaProcess(stateDirectory.resolve("pids").resolve(service + ".pid"));
		if (pid.isEmpty()) {
			return new ServiceMemory(service, -1, -1, -1);
		}
		run("jcmd", Long.toString(pid.get()), "GC.run");
		return new ServiceMemory(service, pid.get(), heapUsedAfterCollection(pid.get()), residentKb(pid.get()));
	}

	/** The java process of a pid file: the leader itself, or the first java among its descendants. */
	static Optional<Long> javaProcess(Path pidFile) {
		if (!Files.isRegularFile(pidFile)) {
			return Optional.empty();
		}
		long leader;
		try {
			leader = Long.parseLong(Files.readString(pidFile).trim());
		}
		catch (IOException | NumberFormatException e) {
			return Optional.empty();
		}
		return ProcessHandle.of(leader).flatMap(handle -> {
			if (isJava(handle)) {
				return Optional.of(handle.pid());
			}
			return handle.descendants().filter(ServiceMemory::isJava).map(ProcessHandle::pid).findFirst();
		});
	}

	private static boolean isJava(ProcessHandle process) {
		return process.info().command().map(command -> command.endsWith("/java")).orElse(false);
	}

	/** Survivor, eden and old space in use, as {@code jstat -gc} reports them (KiB, any collector). */
	private static long heapUsedAfterCollection(long pid) {
		List<String> lines = run("jstat", "-gc", Long.toString(pid));
		if (lines.size() < 2) {
			return -1;
		}
		String[] names = lines.get(0).trim().split("\\s+");
		String[] values = lines.get(1).trim().split("\\s+");
		double used = 0;
		for (int i = 0; i < names.length && i < values.length; i++) {
			if (List.of("S0U", "S1U", "EU", "OU").contains(names[i])) {
				used += Double.parseDouble(values[i]);
			}
		}
		return Math.round(used);
	}

	private static long residentKb(long pid) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", ""));
				}
			}
		}
		catch (IOException | NumberFormatException e) {
			// not Linux, or the process is gone
		}
		return -1;
	}

	private static List<String> run(String... command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			List<String> lines = new ArrayList<>();
			try (var reader = process.inputReader(StandardCharsets.UTF_8)) {
				reader.lines().forEach(lines::add);
			}
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
			return lines;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return List.of();
		}
	}
}
