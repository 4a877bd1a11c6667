package org.newsroom.gateway.web;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The paper's mark (gateway/brand/README.md): {@code /assets/logo.png} is the publisher logo in
 * structured data, and {@code /favicon.ico} is served here because every browser asks for it at
 * the root (without it, every page logs a 404 in the console), whatever the page's
 * {@code <link rel="icon">} says.
 */
@RestController
class Logo {

	/** The size of {@code logo.png}. */
	static final int WIDTH = 512;
	static final int HEIGHT = 512;

	private static final MediaType ICON = MediaType.parseMediaType("image/x-icon");

	private final byte[] favicon = read("static/favicon.ico");

	@GetMapping("/favicon.ico")
	ResponseEntity<byte[]> favicon() {
		return ResponseEntity.ok()
			.contentType(ICON)
			.cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(1)).cachePublic())
			.body(favicon);
	}

	private static byte[] read(String path) {
		try (var in = new ClassPathResource(path).getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException("the favicon is part of the gateway's resources", e);
		}
	}
}
