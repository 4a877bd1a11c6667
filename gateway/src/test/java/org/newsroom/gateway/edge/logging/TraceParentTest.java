package org.newsroom.gateway.edge.logging;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The W3C traceparent rules the edge applies (https://www.w3.org/TR/trace-context/#traceparent-header). */
class TraceParentTest {

	@Test
	void aWellFormedHeaderIsKeptWithItsTraceId() {
		TraceParent parsed = TraceParent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
		assertThat(parsed).isNotNull();
		assertThat(parsed.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
	}

	@Test
	void aLaterVersionMayCarryMoreFieldsButVersion00MayNot() {
		assertThat(TraceParent.parse("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra")).isNotNull();
		assertThat(TraceParent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra")).isNull();
		assertThat(TraceParent.parse("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01x")).isNull();
	}

	@Test
	void zeroIdsUpperCaseVersionFfAndWrongLengthsAreRefused() {
		assertThat(TraceParent.parse("00-00000000000000000000000000000000-00f067aa0ba902b7-01")).isNull();
		assertThat(TraceParent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01")).isNull();
		assertThat(TraceParent.parse("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01")).isNull();
		assertThat(TraceParent.parse("ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")).isNull();
		assertThat(TraceParent.parse("00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01")).isNull();
		assertThat(TraceParent.parse(null)).isNull();
		assertThat(TraceParent.parse("")).isNull();
	}

	@Test
	void aNewTraceIsValidRandomAndNotSampled() {
		TraceParent first = TraceParent.generate();
		TraceParent second = TraceParent.generate();
		assertThat(first.header()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-00");
		assertThat(TraceParent.parse(first.header())).isEqualTo(first);
		assertThat(first.traceId()).isNotEqualTo(second.traceId());
	}
}
