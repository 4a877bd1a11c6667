package org.newsroom.gateway.edge.limits;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketTest {

	private static final long SECOND = 1_000_000_000L;

	@Test
	void aFullBucketAllowsItsBurstThenSaysHowLongToWait() {
		TokenBucket bucket = new TokenBucket(3, 2, 0);
		assertThat(bucket.take(0)).isZero();
		assertThat(bucket.take(0)).isZero();
		assertThat(bucket.take(0)).isZero();
		assertThat(bucket.take(0)).isEqualTo(Duration.ofMillis(500));
	}

	@Test
	void tokensComeBackAtTheRefillRateButNeverBeyondCapacity() {
		TokenBucket bucket = new TokenBucket(2, 1, 0);
		bucket.take(0);
		bucket.take(0);
		assertThat(bucket.take(SECOND)).isZero();
		assertThat(bucket.take(SECOND)).isPositive();
		// an hour idle refills only to capacity
		assertThat(bucket.take(3600 * SECOND)).isZero();
		assertThat(bucket.take(3600 * SECOND)).isZero();
		assertThat(bucket.take(3600 * SECOND)).isPositive();
	}
}
