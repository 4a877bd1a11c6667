package org.newsroom.gateway.edge.limits;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A replica's lease of a shared bucket: what it may decide alone, and when it must ask the store. */
class LeaseTest {

	private static final long SECOND = 1_000_000_000L;

	private final Lease lease = new Lease();

	@Test
	void aNewLeaseCannotDecideAlone() {
		assertThat(lease.take(0)).isNull();
	}

	@Test
	void grantedTokensAreSpentHereOneByOneThenTheStoreIsAskedAgain() {
		lease.granted(3, 0, SECOND);
		// one of the three went to the request that asked for the lease
		assertThat(lease.take(10)).isZero();
		assertThat(lease.take(20)).isZero();
		assertThat(lease.take(30)).isNull();
	}

	@Test
	void unspentTokensOfAnExpiredLeaseAreDroppedNotSpent() {
		lease.granted(10, 0, SECOND);
		assertThat(lease.take(SECOND / 2)).isZero();
		assertThat(lease.take(SECOND)).isNull();
		// and they do not come back with the next lease
		lease.granted(2, SECOND, SECOND);
		assertThat(lease.take(SECOND + 1)).isZero();
		assertThat(lease.take(SECOND + 2)).isNull();
	}

	@Test
	void leasesTakenAtTheSameMomentPoolTheirTokens() {
		lease.granted(3, 0, SECOND);
		lease.granted(3, 5, SECOND);
		for (int i = 0; i < 4; i++) {
			assertThat(lease.take(10 + i)).isZero();
		}
		assertThat(lease.take(20)).isNull();
	}

	@Test
	void aRefusalIsRepeatedHereUntilATokenCanHaveComeBack() {
		lease.refused(0, 2 * SECOND);
		assertThat(lease.take(SECOND / 2)).isEqualTo(Duration.ofNanos(SECOND * 3 / 2));
		assertThat(lease.take(2 * SECOND)).isNull();
	}

	@Test
	void theNextLeaseIsAskedForOnceAsTheLastTokenGoesAndJoinsTheLease() {
		lease.granted(2, 0, SECOND);
		assertThat(lease.runningOut(1)).as("a token is left").isFalse();
		assertThat(lease.take(2)).isZero();
		assertThat(lease.runningOut(3)).isTrue();
		assertThat(lease.runningOut(4)).as("already asked").isFalse();
		lease.refilled(2, 0, 5, SECOND);
		assertThat(lease.take(6)).isZero();
		assertThat(lease.take(7)).isZero();
		assertThat(lease.take(8)).isNull();
	}

	@Test
	void aRefusedRefillIsRememberedAndAFailedOneLeavesTheNextRequestToAsk() {
		lease.granted(1, 0, SECOND);
		assertThat(lease.runningOut(1)).isTrue();
		lease.refillFailed();
		assertThat(lease.take(2)).isNull();
		assertThat(lease.runningOut(3)).isTrue();
		lease.refilled(0, SECOND, 4, SECOND);
		assertThat(lease.take(5)).isEqualTo(Duration.ofNanos(SECOND - 1));
	}

	@Test
	void aLeaseIsATwentiethOfTheBucketAndAtLeastOneToken() {
		assertThat(Lease.size(200)).isEqualTo(10);
		assertThat(Lease.size(20)).isEqualTo(1);
		assertThat(Lease.size(5)).isEqualTo(1);
	}
}
