package org.newsroom.gateway.page;

import java.time.Duration;
import java.util.Optional;

import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import org.newsroom.gateway.edge.resilience.ServiceBreakers;
import org.newsroom.gateway.services.ServiceDirectory;
import org.newsroom.platform.problem.ProblemException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * GETs to the services for composed pages, each behind the named breaker and a time limit. An
 * answer is the JSON body, empty for a 404, {@link Refused} for another 4xx (the request's own
 * fault, or 410 for a withdrawn article: not counted against the service's breaker), or an error
 * for anything a reader cannot be shown (5xx, timeout, refused connection, open breaker); the
 * caller decides what that error means for its page.
 */
@Component
class ServiceCalls {

	private final WebClient http;
	private final ServiceBreakers breakers;

	private final ServiceDirectory services;

	ServiceCalls(ServiceBreakers breakers, ServiceDirectory services) {
		this.http = services.client();
		this.breakers = breakers;
		this.services = services;
	}

	Mono<Optional<JsonNode>> get(String breaker, Duration timeout, String url, Object... variables) {
		return http.get()
			.uri(url, variables)
			.accept(MediaType.APPLICATION_JSON)
			.exchangeToMono(response -> {
				if (response.statusCode().value() == HttpStatus.NOT_FOUND.value()) {
					return response.releaseBody().thenReturn(Optional.<JsonNode>empty());
				}
				if (response.statusCode().is2xxSuccessful()) {
					return response.bodyToMono(JsonNode.class).map(Optional::of);
				}
				if (response.statusCode().is4xxClientError()) {
					return response.releaseBody()
						.then(Mono.error(new Refused(HttpStatus.valueOf(response.statusCode().value()))));
				}
				return response.releaseBody()
					.then(Mono.error(new UnusableAnswer(response.statusCode().value())));
			})
			.timeout(timeout)
			.transformDeferred(CircuitBreakerOperator.of(breakers.named(breaker)));
	}

	/**
	 * Opens the HTTP client's connection pool and resolver, and loads its classes, once the
	 * gateway is up, so the first reader's page is not the one that pays for it (and times out).
	 * Whatever the services answer, or whether they are up yet, does not matter.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void warmUp() {
		for (String service : new String[] { services.article(), services.media(), services.ranking() }) {
			http.get()
				.uri(service + "/actuator/health/liveness")
				.exchangeToMono(ClientResponse::releaseBody)
				.timeout(Duration.ofSeconds(3))
				.onErrorResume(error -> Mono.empty())
				.subscribe();
		}
	}

	/**
	 * A service refused what it was asked (a 4xx other than 404: a bad cursor or query, or 410 for
	 * a withdrawn article). A problem with a 4xx status, so the breakers do not count it
	 * (ServiceBreakers.ServiceFailure): a reader's bad cursor says nothing about the service.
	 */
	static final class Refused extends ProblemException {

		Refused(HttpStatus status) {
			super(status, "service-refused", status.getReasonPhrase(), "The service refused the request (" + status.value() + ").");
		}
	}

	/** A service answered, but not with something a page can use (a 5xx, or a 1xx/3xx). */
	static final class UnusableAnswer extends RuntimeException {

		UnusableAnswer(int status) {
			super("service answered " + status, null, false, false);
		}
	}
}
