package org.newsroom.gateway.edge;

import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;

/** Puts a {@link RequestLineGuard} behind the HTTP decoder of every connection the gateway accepts. */
@Component
class RequestLineGuardInstaller implements NettyServerCustomizer {

	private final JsonMapper json;

	RequestLineGuardInstaller(JsonMapper json) {
		this.json = json;
	}

	@Override
	public HttpServer apply(HttpServer server) {
		return server.doOnChannelInit((observer, channel, remoteAddress) -> {
			if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
				channel.pipeline().addAfter(NettyPipeline.HttpCodec, RequestLineGuard.NAME, new RequestLineGuard(json));
			}
		});
	}
}
