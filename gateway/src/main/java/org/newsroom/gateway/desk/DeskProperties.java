package org.newsroom.gateway.desk;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the desk signs editors in.
 *
 * @param clientId the realm's client for the desk
 * @param issuerUri the realm as browsers reach it: Keycloak's login page is there, and every
 *     token names it as issuer (env NEWSROOM_ISSUER_URI, the one the services check tokens against)
 * @param keySetUri the realm's key set as the gateway itself reaches it (env NEWSROOM_JWK_SET_URI);
 *     in compose and Kubernetes that is Keycloak's in-cluster name, not the public one, and the
 *     gateway's own calls (code for tokens, refresh) go to the realm under that same address
 * @param sessions where editors' sessions are kept: this replica's memory, or Redis for every
 *     replica ({@link SharedDeskSessions}); bound here so that a value that is neither fails the start
 */
@ConfigurationProperties("newsroom.desk")
public record DeskProperties(@DefaultValue("news-desk") String clientId, String issuerUri, String keySetUri,
		@DefaultValue("memory") Sessions sessions) {

	public enum Sessions {
		MEMORY, REDIS
	}

	private static final String OIDC = "/protocol/openid-connect";

	String authorizationUri() {
		return issuerUri + OIDC + "/auth";
	}

	String endSessionUri() {
		return issuerUri + OIDC + "/logout";
	}

	String tokenUri() {
		return realmInside() + OIDC + "/token";
	}

	/** Keycloak's origin as browsers see it: the desk's forms may post there (sign-out). */
	String signInOrigin() {
		URI issuer = URI.create(issuerUri);
		return issuer.getScheme() + "://" + issuer.getRawAuthority();
	}

	private String realmInside() {
		int protocol = keySetUri.indexOf(OIDC + "/");
		if (protocol < 0) {
			throw new IllegalStateException("newsroom.desk.key-set-uri is not a Keycloak realm's key set: " + keySetUri);
		}
		return keySetUri.substring(0, protocol);
	}
}
