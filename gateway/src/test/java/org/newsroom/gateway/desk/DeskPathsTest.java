package org.newsroom.gateway.desk;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The desk's chain takes the desk and the sign-in and sign-out endpoints, and nothing that only begins alike. */
class DeskPathsTest {

	@Test
	void theDeskAndItsSignInAndSignOutAreDeskPaths() {
		for (String path : new String[] { "/desk", "/desk/", "/desk/sign-in-failed", "/oauth2/authorization/news-desk",
				"/login/oauth2/code/news-desk", "/logout" }) {
			assertThat(DeskSecurity.isDeskPath(path)).as(path).isTrue();
		}
		for (String path : new String[] { "/", "/deskfoo", "/news/desk", "/oauth2x", "/login", "/logout/x",
				"/api/articles" }) {
			assertThat(DeskSecurity.isDeskPath(path)).as(path).isFalse();
		}
	}
}
