package org.newsroom.gateway.edge;

import org.newsroom.gateway.cache.PageCache;
import org.newsroom.gateway.edge.limits.ClientLimits;
import org.newsroom.gateway.edge.limits.RequestLineGuard;
import org.newsroom.gateway.edge.logging.AccessLog;
import org.newsroom.gateway.edge.logging.ServerRequestMetrics;
import org.newsroom.gateway.page.PageProperties;
import org.newsroom.platform.web.ClientAddresses;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;

/**
 * What the edge puts behind the HTTP decoder of every connection it accepts: the
 * {@link RequestLineGuard}, then (with the page cache on and tracing off, since a span needs
 * Spring's observation of the request) the {@link FastPages} path for cached pages.
 */
@Component
public class EdgePipeline implements NettyServerCustomizer {

	private final JsonMapper json;
	private final PageCache cache;
	private final ClientAddresses clientAddress;
	private final ClientLimits limits;
	private final AccessLog accessLog;
	private final ServerRequestMetrics metrics;
	private final boolean fastPages;

	EdgePipeline(JsonMapper json, PageCache cache, ClientAddresses clientAddress, ClientLimits limits,
			AccessLog accessLog, ServerRequestMetrics metrics, PageProperties pages,
			@Value("${management.tracing.enabled:true}") boolean tracing) {
		this.json = json;
		this.cache = cache;
		this.clientAddress = clientAddress;
		this.limits = limits;
		this.accessLog = accessLog;
		this.metrics = metrics;
		this.fastPages = pages.cache().enabled() && !tracing;
	}

	@Override
	public HttpServer apply(HttpServer server) {
		return server.doOnChannelInit((observer, channel, remoteAddress) -> {
			if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
				channel.pipeline().addAfter(NettyPipeline.HttpCodec, RequestLineGuard.NAME, new RequestLineGuard(json));
				if (fastPages) {
					channel.pipeline().addAfter(RequestLineGuard.NAME, FastPages.NAME,
							new FastPages(cache, clientAddress, limits, accessLog, metrics, json));
				}
			}
		});
	}
}
