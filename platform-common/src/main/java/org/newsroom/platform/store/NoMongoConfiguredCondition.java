package org.newsroom.platform.store;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when the operator has pointed the service at no MongoDB: neither a URI nor a host. */
class NoMongoConfiguredCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		var env = context.getEnvironment();
		for (String property : new String[] { "spring.mongodb.uri", "spring.mongodb.host" }) {
			String value = env.getProperty(property);
			if (value != null && !value.isBlank()) {
				return ConditionOutcome.noMatch(property + " is set: the configured MongoDB is used");
			}
		}
		return ConditionOutcome.match("neither spring.mongodb.uri nor spring.mongodb.host is set");
	}
}
