package org.newsroom.ranking.view;

import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;

/** Puts a {@link BeaconFastPath} behind the HTTP decoder of every connection ranking-service accepts. */
@Component
class BeaconPipeline implements NettyServerCustomizer {

	private final ViewBeacon beacon;
	private final JsonMapper json;

	BeaconPipeline(ViewBeacon beacon, JsonMapper json) {
		this.beacon = beacon;
		this.json = json;
	}

	@Override
	public HttpServer apply(HttpServer server) {
		return server.doOnChannelInit((observer, channel, remoteAddress) -> {
			if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
				channel.pipeline().addAfter(NettyPipeline.HttpCodec, BeaconFastPath.NAME, new BeaconFastPath(beacon, json));
			}
		});
	}
}
