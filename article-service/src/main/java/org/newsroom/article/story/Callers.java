package org.newsroom.article.story;

import org.newsroom.platform.security.RealmRoles;

import org.springframework.security.core.Authentication;

/** Who is asking: an editor sees every status; revisions name the user. */
public final class Callers {

	private Callers() {
	}

	public static boolean isEditor(Authentication caller) {
		return caller != null && caller.isAuthenticated() && caller.getAuthorities()
			.stream()
			.anyMatch(a -> ("ROLE_" + RealmRoles.EDITOR).equals(a.getAuthority()));
	}

	/** The token's {@code preferred_username} (the security setup makes it the principal name). */
	public static String name(Authentication caller) {
		return caller != null ? caller.getName() : "anonymous";
	}
}
