package org.newsroom.ranking.view;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ViewController {

	private final ViewCounter counter;

	ViewController(ViewCounter counter) {
		this.counter = counter;
	}

	@PostMapping("/api/rankings/views")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Mono<Void> view(@RequestBody ViewRequest view) {
		String articleId = view.validArticleId();
		return Mono.fromRunnable(() -> counter.count(articleId)).subscribeOn(Schedulers.boundedElastic()).then();
	}
}
