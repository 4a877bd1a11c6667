package org.newsroom.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The load driver of bench/load.sh, briefly, against the suite's stack with its limits on:
 * ranking-service is restarted a quarter of the way in. Readers may see the Top 10 and the
 * beacon answer 503 while it is away (and until the gateway's breaker lets calls through again);
 * pages stay up without their Top list; nothing else fails, and every view answered 202 is in
 * the store.
 */
@ExtendWith(LocalStack.class)
class LoadIT {

	@Test
	void aShortMixedLoadThroughARankingRestartLosesNoAcceptedViewAndAnswersNothingUnexpected() {
		LoadDriver.Options options = LoadDriver.Options.parse("--duration", "20s", "--restart", "ranking-service",
				"--restart-at", "0.25", "--readers", "200", "--reader-pause", "2500ms", "--page-workers", "4",
				"--top-workers", "1", "--beacon-workers", "3", "--articles", "4", "--first-subnet", "40",
				"--breaker-wait", LocalStack.BREAKER_WAIT_IN_OPEN.toMillis() + "ms", "--state-dir",
				LocalStack.stateDirectory().toString());

		LoadDriver.Report report = LoadDriver.run(options, new LoadDriver.ServiceControl() {
			@Override
			public void stop(String service) {
				LocalStack.stopService(service);
			}

			@Override
			public void start(String service) {
				LocalStack.startService(service);
			}
		});
		report.print(System.out);

		assertThat(report.restart().failure()).isNull();
		assertThat(report.unexpected()).as(String.join("\n", report.unexpectedExamples())).isEmpty();
		assertThat(report.totalAccepted()).as("views accepted").isPositive();
		assertThat(report.viewsStored()).as("stored views per article").isEqualTo(report.viewsAccepted());
		// while ranking-service was away, pages went on without their Top list rather than failing
		assertThat(report.duringRestart()).containsKey("page json without top");
		assertThat(report.figures().get(LoadDriver.Kind.PAGE_JSON).requests()).isPositive();
		assertThat(report.figures().get(LoadDriver.Kind.PUBLISH).requests()).isPositive();
	}
}
