package org.newsroom.gateway.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.ISpringWebFluxTemplateEngine;
import org.thymeleaf.spring6.web.webflux.SpringWebFluxWebApplication;
import org.thymeleaf.web.IWebExchange;

import org.springframework.core.ReactiveAdapterRegistry;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Renders a web edition template to bytes, so a page can be kept and sent again as it is.
 * Thymeleaf's web context of the request that composes the page is used only for building links
 * (no page reads the request itself), so the bytes are the same for every reader. The desk's pages
 * (desk/) are rendered the same way but never kept.
 */
@Component
public class HtmlRenderer {

	private final ISpringWebFluxTemplateEngine templates;
	private final SpringWebFluxWebApplication application = SpringWebFluxWebApplication
		.buildApplication(ReactiveAdapterRegistry.getSharedInstance());

	HtmlRenderer(ISpringWebFluxTemplateEngine templates) {
		this.templates = templates;
	}

	public byte[] render(ServerWebExchange exchange, String template, Map<String, Object> model) {
		IWebExchange web = application.buildExchange(exchange, Locale.ENGLISH, MediaType.TEXT_HTML, StandardCharsets.UTF_8);
		return templates.process(template, new WebContext(web, Locale.ENGLISH, model)).getBytes(StandardCharsets.UTF_8);
	}
}
