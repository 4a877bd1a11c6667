package org.newsroom.platform.security;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

/**
 * The {@code WWW-Authenticate} values of RFC 6750 §3: a bare challenge when no token came, and
 * {@code invalid_token} or {@code insufficient_scope} when one did.
 */
final class BearerChallenge {

	static final String REALM = "news";

	private BearerChallenge() {
	}

	static String forFailure(AuthenticationException failure) {
		if (failure instanceof OAuth2AuthenticationException oauth && oauth.getError() != null) {
			return "Bearer realm=\"" + REALM + "\", error=\"" + oauth.getError().getErrorCode()
					+ "\", error_description=\"The access token is invalid or expired\"";
		}
		return "Bearer realm=\"" + REALM + "\"";
	}

	static String forDenied() {
		return "Bearer realm=\"" + REALM + "\", error=\"insufficient_scope\", "
				+ "error_description=\"The access token lacks the role this request needs\"";
	}

	static boolean tokenPresented(AuthenticationException failure) {
		return failure instanceof OAuth2AuthenticationException;
	}
}
