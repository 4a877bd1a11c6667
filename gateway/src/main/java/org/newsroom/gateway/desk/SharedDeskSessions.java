package org.newsroom.gateway.desk;

import java.time.Duration;

import io.lettuce.core.RedisURI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.serializer.JdkSerializationRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.data.redis.serializer.SerializationException;
import org.springframework.session.config.ReactiveSessionRepositoryCustomizer;
import org.springframework.session.data.redis.ReactiveRedisSessionRepository;
import org.springframework.session.data.redis.config.annotation.SpringSessionRedisConnectionFactory;
import org.springframework.session.data.redis.config.annotation.web.server.EnableRedisWebSession;

/**
 * The desk's sessions in Redis ({@code newsroom.desk.sessions=redis}), so that every gateway
 * replica knows every signed-in editor: a request may land on any replica, and a replica that goes
 * away takes no session with it. What a session holds (the sign-in, the editor's tokens, the CSRF
 * token) is written there by Spring Session and read back by whichever replica gets the next
 * request; the cookie stays {@code NEWSROOM_DESK}, made by the same resolver as with sessions in
 * memory (server.reactive.session.cookie).
 *
 * <p>Nothing but the desk asks for a session: readers and bearer-token clients never reach Redis
 * through here. Redis not answering means the desk cannot know who is signed in: its requests are
 * answered 503 (edge/client/EdgeProblems), readers are not affected.
 *
 * <p>With the default {@code memory}, each replica keeps its own sessions (Spring WebFlux's
 * in-memory store) and this configuration is not loaded.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "newsroom.desk.sessions", havingValue = "redis")
@EnableRedisWebSession(redisNamespace = SharedDeskSessions.NAMESPACE)
class SharedDeskSessions {

	private static final Logger log = LoggerFactory.getLogger(SharedDeskSessions.class);

	/** Keys {@code newsroom:desk:sessions:<id>}, apart from the rate limits' and the rankings'. */
	static final String NAMESPACE = "newsroom:desk";

	/** The same Redis as the rate limits' shared store ({@code spring.data.redis.url}). */
	@Bean
	@SpringSessionRedisConnectionFactory
	LettuceConnectionFactory deskSessionsRedis(@Value("${spring.data.redis.url:redis://localhost:6379}") String url) {
		RedisURI uri = RedisURI.create(url);
		RedisStandaloneConfiguration server = new RedisStandaloneConfiguration(uri.getHost(), uri.getPort());
		server.setDatabase(uri.getDatabase());
		if (uri.getUsername() != null) {
			server.setUsername(uri.getUsername());
		}
		if (uri.getPassword() != null) {
			server.setPassword(uri.getPassword());
		}
		LettuceClientConfiguration.LettuceClientConfigurationBuilder client = LettuceClientConfiguration.builder()
			// a desk request waits this long for its session at most, then is answered 503
			.commandTimeout(Duration.ofSeconds(2));
		if (uri.isSsl()) {
			client.useSsl();
		}
		return new LettuceConnectionFactory(server, client.build());
	}

	/**
	 * Session attributes as Java serialization writes them (Spring Session's default), except that
	 * one this gateway cannot read, written by another version of it during a rolling upgrade (a
	 * Spring Security class of another version), is left out instead of failing the request: the
	 * editor is asked to sign in again, and the page keeps what was typed.
	 */
	@Bean
	RedisSerializer<Object> springSessionDefaultRedisSerializer() {
		JdkSerializationRedisSerializer java = new JdkSerializationRedisSerializer(getClass().getClassLoader());
		return new RedisSerializer<>() {

			@Override
			public byte[] serialize(Object value) {
				return java.serialize(value);
			}

			@Override
			public Object deserialize(byte[] bytes) {
				try {
					return java.deserialize(bytes);
				}
				catch (SerializationException unreadable) {
					log.warn("A desk session holds a value this gateway cannot read (another version wrote it?): "
							+ "left out, the editor signs in again: {}", unreadable.getMostSpecificCause().toString());
					return null;
				}
			}
		};
	}

	/** Sessions end after the same idle time as in memory (server.reactive.session.timeout). */
	@Bean
	ReactiveSessionRepositoryCustomizer<ReactiveRedisSessionRepository> deskSessionsIdleTime(
			@Value("${server.reactive.session.timeout:30m}") Duration timeout) {
		return sessions -> sessions.setDefaultMaxInactiveInterval(timeout);
	}
}
