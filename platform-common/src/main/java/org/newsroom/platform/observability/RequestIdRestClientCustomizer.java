package org.newsroom.platform.observability;

import org.slf4j.MDC;

import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.web.client.RestClient;

/** Passes the current request's id on when a servlet service calls another (article → media). */
public class RequestIdRestClientCustomizer implements RestClientCustomizer {

	@Override
	public void customize(RestClient.Builder builder) {
		builder.requestInterceptor((request, body, execution) -> {
			String id = MDC.get(RequestId.MDC_KEY);
			if (id != null && !request.getHeaders().containsHeader(RequestId.HEADER)) {
				request.getHeaders().set(RequestId.HEADER, id);
			}
			return execution.execute(request, body);
		});
	}
}
