package org.newsroom.ranking.counting;

import java.time.Duration;

import org.newsroom.ranking.config.RankingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * What the last flush left behind, said once at shutdown: nothing accepted is ever dropped
 * silently. Views not stored and views of articles never resolved are errors with their
 * counts; otherwise one line with this process's totals.
 */
@Component
class ShutdownReport {

	private static final Logger log = LoggerFactory.getLogger(ShutdownReport.class);

	private final ViewMetrics metrics;
	private final Duration shutdownTimeout;

	ShutdownReport(ViewMetrics metrics, RankingProperties properties) {
		this.metrics = metrics;
		this.shutdownTimeout = properties.counting().shutdownTimeout();
	}

	/**
	 * @param notStored accepted views the store did not take in time
	 * @param undecided views answered 202 that could not be checked against the other replicas'
	 *     (shared dedupe) in time, so neither counted nor known to be duplicates
	 * @param unresolved views still waiting for their article's status, of {@code articles} articles
	 */
	void report(long notStored, long undecided, long unresolved, int articles) {
		if (undecided > 0) {
			log.error("Shutting down with {} views NOT counted: MongoDB did not take the shared dedupe of them within {}",
					undecided, shutdownTimeout);
		}
		if (notStored > 0) {
			log.error("Shutting down with {} accepted views NOT stored: MongoDB did not take them within {}", notStored,
					shutdownTimeout);
		}
		if (unresolved > 0) {
			log.error("Shutting down with {} views of {} articles not counted: article-service could not say whether "
					+ "they are published", unresolved, articles);
		}
		if (notStored == 0 && undecided == 0 && unresolved == 0) {
			log.info("Final flush done: every accepted view is stored ({})", metrics.lifetime());
		}
		else {
			log.info("Views this process received: {}", metrics.lifetime());
		}
	}
}
