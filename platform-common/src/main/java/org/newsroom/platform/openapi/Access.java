package org.newsroom.platform.openapi;

/**
 * Who may call an operation, as the API document states it. The shared rules
 * (ServletApiSecurity, ReactiveApiSecurity) give reads to everyone, DELETE to admins and every
 * other write to editors; {@link Answers#access()} names the exceptions a service's
 * SecurityConfig makes.
 */
public enum Access {

	/** From the HTTP method, as the shared rules decide: GET/HEAD open, DELETE admin, others editor. */
	BY_METHOD(null),

	/** Anyone; a token is optional (it may show an editor more) and is checked when sent. */
	READERS(null),

	/** Anyone, and no token is read at all (the page-view beacon). */
	ANONYMOUS(null),

	EDITOR("editor"),

	ADMIN("admin"),

	INGEST("ingest");

	private final String role;

	Access(String role) {
		this.role = role;
	}

	/** The realm role the token must carry, or null when none is needed. */
	public String role() {
		return role;
	}
}
