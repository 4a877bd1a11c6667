package org.newsroom.deployment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production dumps each database on the schedule in backups/settings.env, with its owning
 * service's URI, into a volume of its own, keeping the newest BACKUP_RETENTION archives; the
 * backup pods reach their own database and nothing else.
 */
class BackupsTest {

	static final List<String> DATABASES = List.of("articles", "media", "rankings");

	static final String BACKUPS = "k8s/overlays/prod/backups";

	static final String SCRIPT = BACKUPS + "/mongo-backup/mongo-backup.sh";

	@Test
	void everyProductionDatabaseIsDumpedOnTheScheduleIntoAVolumeOfItsOwn() {
		Manifests prod = Kustomize.render(Kustomize.PROD);
		Map<String, String> settings = settings();
		List<String> claims = new ArrayList<>();

		for (String database : DATABASES) {
			CronJob cronJob = prod.get(CronJob.class, "mongo-backup-" + database);
			Workload backup = prod.workload("mongo-backup-" + database);
			Container dump = backup.containers().get(0);
			Map<String, String> environment = prod.environment(dump);
			String serviceUri = prod.environment(prod.get(Job.class, "mongo-init-" + database).getSpec().getTemplate().getSpec()
				.getContainers().get(0)).get("SERVICE_MONGODB_URI");
			Container mongod = prod.get(StatefulSet.class, "mongo-" + database).getSpec().getTemplate().getSpec().getContainers().get(0);

			assertThat(cronJob.getSpec().getSchedule()).as("%s schedule", database).isEqualTo(settings.get("BACKUP_SCHEDULE"));
			assertThat(cronJob.getSpec().getConcurrencyPolicy()).isEqualTo("Forbid");
			assertThat(dump.getImage()).as("mongodump of the server's own version").isEqualTo(mongod.getImage());
			assertThat(environment.get("SPRING_MONGODB_URI")).as("%s dumps the database its service uses", database).isEqualTo(serviceUri);
			assertThat(environment.get("BACKUP_RETENTION")).isEqualTo(settings.get("BACKUP_RETENTION"));
			assertThat(backup.podLabels()).as("BACKUP_NAME comes from this label").containsEntry("app.kubernetes.io/instance", database);
			VolumeMount archives = dump.getVolumeMounts().stream()
				.filter(mount -> mount.getMountPath().equals(environment.get("BACKUP_DIR")))
				.findFirst()
				.orElseThrow(() -> new AssertionError(backup + " mounts nothing at BACKUP_DIR"));
			Volume volume = backup.pod().getVolumes().stream().filter(candidate -> candidate.getName().equals(archives.getName()))
				.findFirst().orElseThrow();
			assertThat(volume.getPersistentVolumeClaim()).as("%s archives land on a claim", backup).isNotNull();
			claims.add(prod.get(PersistentVolumeClaim.class, volume.getPersistentVolumeClaim().getClaimName()).getMetadata().getName());
			String scripts = backup.pod().getVolumes().stream().filter(candidate -> candidate.getConfigMap() != null)
				.findFirst().orElseThrow().getConfigMap().getName();
			assertThat(prod.configMapData(scripts).get("mongo-backup.sh")).isEqualTo(Repository.read(SCRIPT));
		}
		assertThat(claims).as("one claim per database").doesNotHaveDuplicates();
	}

	@Test
	void eachBackupReachesItsOwnDatabaseAndNothingElse() {
		Manifests prod = Kustomize.render(Kustomize.PROD);

		List<String> backupPaths = new NetworkReachability(prod).allowedPaths().stream()
			.filter(path -> path.contains("mongo-backup-"))
			.filter(path -> !path.contains(" -> any:53"))
			.toList();

		assertThat(backupPaths).containsExactlyInAnyOrder(
				"mongo-backup-articles -> mongo-articles:27017",
				"mongo-backup-media -> mongo-media:27017",
				"mongo-backup-rankings -> mongo-rankings:27017");
	}

	@Test
	void theScriptKeepsTheNewestArchivesAndDumpsFromASecondary() throws Exception {
		Path work = Files.createTempDirectory(Files.createDirectories(Repository.path("deployment-checks/target")), "backup-");
		Path archives = Files.createDirectories(work.resolve("archives"));
		for (String stamp : List.of("20250101T020000Z", "20250102T020000Z", "20250103T020000Z")) {
			Files.createFile(archives.resolve("articles-" + stamp + ".archive.gz"));
		}
		Files.createFile(archives.resolve("media-20250101T020000Z.archive.gz"));
		Files.createFile(archives.resolve(".articles-20250103T020000Z.partial"));

		Run run = runScript(work, archives, "2", 0);

		assertThat(run.exit()).as(run.output()).isZero();
		assertThat(names(archives)).as("the new archive and the newest old one; another database's untouched")
			.hasSize(3)
			.contains("articles-20250103T020000Z.archive.gz", "media-20250101T020000Z.archive.gz")
			.anyMatch(name -> name.matches("articles-\\d{8}T\\d{6}Z\\.archive\\.gz") && !name.startsWith("articles-2025"));
		assertThat(run.arguments()).contains("--gzip", "--readPreference=secondaryPreferred")
			.anyMatch(argument -> argument.startsWith("--uri=") && argument.endsWith("/articles?replicaSet=rs0&w=majority&journal=true"));
	}

	@Test
	void aFailedDumpLeavesNoArchiveAndRemovesNothing() throws Exception {
		Path work = Files.createTempDirectory(Files.createDirectories(Repository.path("deployment-checks/target")), "backup-");
		Path archives = Files.createDirectories(work.resolve("archives"));
		Files.createFile(archives.resolve("articles-20250101T020000Z.archive.gz"));

		Run run = runScript(work, archives, "1", 3);

		assertThat(run.exit()).isEqualTo(3);
		assertThat(names(archives)).containsExactly("articles-20250101T020000Z.archive.gz");
	}

	@Test
	void aRetentionThatIsNotACountIsRefused() throws Exception {
		Path work = Files.createTempDirectory(Files.createDirectories(Repository.path("deployment-checks/target")), "backup-");
		Path archives = Files.createDirectories(work.resolve("archives"));

		Run run = runScript(work, archives, "0", 0);

		assertThat(run.exit()).isNotZero();
		assertThat(run.output()).contains("BACKUP_RETENTION");
		assertThat(run.arguments()).isEmpty();
	}

	record Run(int exit, String output, List<String> arguments) {
	}

	/** The script as the CronJob runs it, with a stand-in mongodump that writes what it was given. */
	private static Run runScript(Path work, Path archives, String retention, int dumpExit) throws IOException, InterruptedException {
		Path bin = Files.createDirectories(work.resolve("bin"));
		Path arguments = work.resolve("arguments");
		Path mongodump = bin.resolve("mongodump");
		Files.writeString(mongodump, """
				#!/usr/bin/env bash
				printf '%s\\n' "$@" > "$STAND_IN_ARGUMENTS"
				for argument; do [[ $argument == --archive=* ]] && echo archive > "${argument#--archive=}"; done
				exit "$STAND_IN_EXIT"
				""");
		Files.setPosixFilePermissions(mongodump, PosixFilePermissions.fromString("rwxr-xr-x"));
		ProcessBuilder builder = new ProcessBuilder("bash", Repository.path(SCRIPT).toString()).redirectErrorStream(true);
		builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
		builder.environment().put("SPRING_MONGODB_URI", "mongodb://article-service:secret@m0:27017,m1:27017/articles"
				+ "?replicaSet=rs0&readPreference=primary&w=majority&journal=true");
		builder.environment().put("BACKUP_NAME", "articles");
		builder.environment().put("BACKUP_RETENTION", retention);
		builder.environment().put("BACKUP_DIR", archives.toString());
		builder.environment().put("STAND_IN_ARGUMENTS", arguments.toString());
		builder.environment().put("STAND_IN_EXIT", String.valueOf(dumpExit));
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		List<String> given = Files.exists(arguments) ? Files.readAllLines(arguments) : List.of();
		return new Run(process.exitValue(), output, given);
	}

	private static List<String> names(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			return files.map(file -> file.getFileName().toString()).sorted().toList();
		}
	}

	/** backups/settings.env, read the way kustomize reads an env file. */
	static Map<String, String> settings() {
		Map<String, String> settings = new LinkedHashMap<>();
		Repository.read(BACKUPS + "/settings.env").lines()
			.filter(line -> !line.isBlank() && !line.startsWith("#"))
			.forEach(line -> settings.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1)));
		return settings;
	}
}
