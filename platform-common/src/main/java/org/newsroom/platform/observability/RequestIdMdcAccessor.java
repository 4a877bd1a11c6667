package org.newsroom.platform.observability;

import io.micrometer.context.ThreadLocalAccessor;
import org.slf4j.MDC;

/**
 * Lets Reactor's automatic context propagation copy the request id from the Reactor context into
 * the MDC of whichever thread continues a reactive request, and clear it afterwards.
 */
public class RequestIdMdcAccessor implements ThreadLocalAccessor<String> {

	@Override
	public Object key() {
		return RequestId.MDC_KEY;
	}

	@Override
	public String getValue() {
		return MDC.get(RequestId.MDC_KEY);
	}

	@Override
	public void setValue(String value) {
		MDC.put(RequestId.MDC_KEY, value);
	}

	@Override
	public void setValue() {
		MDC.remove(RequestId.MDC_KEY);
	}
}
