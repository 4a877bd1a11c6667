package org.newsroom.platform.store;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns the refusal into Boot's short "APPLICATION FAILED TO START" report with the fix. */
public class EmbeddedStoreRefusedFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedStoreRefusedException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedStoreRefusedException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Set SPRING_MONGODB_URI (spring.mongodb.uri) to this service's MongoDB, for example "
						+ "mongodb://articles-mongo-0.articles-mongo:27017/articles?replicaSet=rs0.",
				cause);
	}
}
