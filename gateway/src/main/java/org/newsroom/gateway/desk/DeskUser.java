package org.newsroom.gateway.desk;

import org.newsroom.platform.security.RealmRoles;

import org.springframework.security.core.Authentication;

/** What the desk asks of the signed-in user. */
public final class DeskUser {

	private DeskUser() {
	}

	public static boolean isAdmin(Authentication user) {
		return hasRole(user, RealmRoles.ADMIN);
	}

	static boolean hasRole(Authentication user, String role) {
		return user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role));
	}
}
