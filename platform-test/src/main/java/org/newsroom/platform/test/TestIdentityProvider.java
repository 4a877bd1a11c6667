package org.newsroom.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Stands in for Keycloak's realm {@code news} in service tests: WireMock serves the realm's JWKS,
 * and tokens shaped like Keycloak's ({@code realm_access.roles}, {@code preferred_username},
 * audience {@code news-api}) are signed with the matching key. It also makes the tokens an
 * attacker would try: expired, wrongly signed, unsigned, from another issuer.
 */
public final class TestIdentityProvider implements AutoCloseable {

	public static final String AUDIENCE = "news-api";

	private final WireMockServer wireMock;
	private final RSAKey signingKey;
	private final RSAKey strangerKey;

	public TestIdentityProvider() {
		try {
			signingKey = new RSAKeyGenerator(2048).keyID("news-realm-key").generate();
			strangerKey = new RSAKeyGenerator(2048).keyID("news-realm-key").generate();
		}
		catch (JOSEException e) {
			throw new IllegalStateException(e);
		}
		wireMock = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		wireMock.start();
		wireMock.stubFor(WireMock.get("/realms/news/protocol/openid-connect/certs")
			.willReturn(WireMock.okJson(new JWKSet(signingKey.toPublicJWK()).toString())));
		warmUp();
	}

	/**
	 * Answers one key-set request before any test does: on a busy machine the stand-in's very
	 * first answer can take seconds (class loading in Jetty), longer than a resource server waits.
	 */
	private void warmUp() {
		try {
			HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(jwkSetUri())).timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.discarding());
		}
		catch (IOException e) {
			throw new UncheckedIOException("The test identity provider does not answer", e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	public String issuer() {
		return "http://localhost:" + wireMock.port() + "/realms/news";
	}

	public String jwkSetUri() {
		return issuer() + "/protocol/openid-connect/certs";
	}

	/** Points Spring's resource server at this provider. */
	public void register(DynamicPropertyRegistry registry) {
		registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", this::issuer);
		registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", this::jwkSetUri);
		registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> AUDIENCE);
	}

	public String editor() {
		return token("editor1", "editor");
	}

	public String admin() {
		return token("admin1", "editor", "admin");
	}

	public String reader() {
		return token("reader1");
	}

	public String ingest() {
		return token("service-account-news-internal", "ingest");
	}

	public String token(String username, String... roles) {
		return sign(claims(username, List.of(roles), issuer(), Instant.now().plus(Duration.ofMinutes(5))), signingKey);
	}

	public String expired(String username, String... roles) {
		return sign(claims(username, List.of(roles), issuer(), Instant.now().minus(Duration.ofMinutes(10))),
				signingKey);
	}

	public String fromIssuer(String issuer, String username, String... roles) {
		return sign(claims(username, List.of(roles), issuer, Instant.now().plus(Duration.ofMinutes(5))), signingKey);
	}

	/** Same key id and claims, but signed by a key the realm never published. */
	public String signedByStranger(String username, String... roles) {
		return sign(claims(username, List.of(roles), issuer(), Instant.now().plus(Duration.ofMinutes(5))), strangerKey);
	}

	/** {@code alg: none}: a token with claims and no signature at all. */
	public String unsigned(String username, String... roles) {
		Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
		String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes());
		String payload = b64.encodeToString(
				claims(username, List.of(roles), issuer(), Instant.now().plus(Duration.ofMinutes(5))).toString()
					.getBytes());
		return header + "." + payload + ".";
	}

	private JWTClaimsSet claims(String username, List<String> roles, String issuer, Instant expires) {
		Instant issued = expires.minus(Duration.ofMinutes(5));
		return new JWTClaimsSet.Builder().issuer(issuer)
			.subject(UUID.nameUUIDFromBytes(username.getBytes()).toString())
			.audience(List.of(AUDIENCE, "account"))
			.issueTime(Date.from(issued))
			.notBeforeTime(Date.from(issued))
			.expirationTime(Date.from(expires))
			.jwtID(UUID.randomUUID().toString())
			.claim("typ", "Bearer")
			.claim("azp", "news-web")
			.claim("preferred_username", username)
			.claim("realm_access", Map.of("roles", roles))
			.build();
	}

	private static String sign(JWTClaimsSet claims, RSAKey key) {
		try {
			SignedJWT jwt = new SignedJWT(
					new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
					claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (JOSEException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * An OpenID Connect ID token for a client that signs users in (the gateway's desk): audience
	 * the client, and the {@code nonce} the client sent with its authorization request.
	 */
	public String idToken(String username, String clientId, String nonce) {
		Instant issued = Instant.now();
		return sign(new JWTClaimsSet.Builder().issuer(issuer())
			.subject(UUID.nameUUIDFromBytes(username.getBytes()).toString())
			.audience(clientId)
			.issueTime(Date.from(issued))
			.expirationTime(Date.from(issued.plus(Duration.ofMinutes(5))))
			.claim("azp", clientId)
			.claim("nonce", nonce)
			.claim("typ", "ID")
			.claim("preferred_username", username)
			.build(), signingKey);
	}

	/**
	 * The realm's token endpoint answers the authorization code {@code code} with these tokens
	 * (a refresh token {@code refresh-<code>} included), as Keycloak does for the code flow; the
	 * access token is said to live for {@code lifetime}.
	 */
	public void answerCode(String code, String accessToken, String idToken, Duration lifetime) {
		wireMock.stubFor(WireMock.post("/realms/news/protocol/openid-connect/token")
			.withRequestBody(WireMock.containing("code=" + code))
			.willReturn(WireMock.okJson("{\"access_token\": \"" + accessToken + "\", \"token_type\": \"Bearer\", "
					+ "\"expires_in\": " + lifetime.toSeconds() + ", \"refresh_token\": \"refresh-" + code + "\", \"id_token\": \"" + idToken
					+ "\", \"scope\": \"openid profile\"}")));
	}

	public WireMockServer wireMock() {
		return wireMock;
	}

	@Override
	public void close() {
		wireMock.stop();
	}
}
