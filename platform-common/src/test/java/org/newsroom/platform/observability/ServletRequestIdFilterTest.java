package org.newsroom.platform.observability;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class ServletRequestIdFilterTest {

	private final ServletRequestIdFilter filter = new ServletRequestIdFilter();

	@Test
	void theGatewaysIdIsLoggedAndEchoedForTheWholeRequestOnly() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/articles/x");
		request.addHeader(RequestId.HEADER, "edge-0123456789");
		MockHttpServletResponse response = new MockHttpServletResponse();
		AtomicReference<String> seenInLogs = new AtomicReference<>();
		filter.doFilter(request, response, new MockFilterChain() {
			@Override
			public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
				seenInLogs.set(MDC.get(RequestId.MDC_KEY));
			}
		});
		assertThat(seenInLogs.get()).isEqualTo("edge-0123456789");
		assertThat(response.getHeader(RequestId.HEADER)).isEqualTo("edge-0123456789");
		assertThat(MDC.get(RequestId.MDC_KEY)).isNull();
	}

	@Test
	void aMissingOrForgedIdIsReplacedByANewOne() throws Exception {
		for (String forged : new String[] { null, "", "short", "line\nbreak-injected-into-logs", "x".repeat(200) }) {
			MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
			if (forged != null) {
				request.addHeader(RequestId.HEADER, forged);
			}
			MockHttpServletResponse response = new MockHttpServletResponse();
			filter.doFilter(request, response, new MockFilterChain());
			assertThat(response.getHeader(RequestId.HEADER)).matches("[0-9a-f-]{36}");
		}
	}
}
