package org.newsroom.platform.security;

import java.util.Collection;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.ExpressionJwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.expression.spel.standard.SpelExpressionParser;

/**
 * Keycloak puts realm roles in {@code realm_access.roles}; Spring Security's default reads
 * {@code scope}. These converters make {@code editor} the authority {@code ROLE_editor}, so rules
 * read {@code hasRole("editor")}.
 */
public final class RealmRoles {

	public static final String EDITOR = "editor";
	public static final String ADMIN = "admin";
	public static final String INGEST = "ingest";

	private RealmRoles() {
	}

	public static Converter<Jwt, Collection<GrantedAuthority>> authoritiesConverter() {
		ExpressionJwtGrantedAuthoritiesConverter converter = new ExpressionJwtGrantedAuthoritiesConverter(
				new SpelExpressionParser().parseRaw("[realm_access]?.[roles]"));
		converter.setAuthorityPrefix("ROLE_");
		return converter;
	}

	public static JwtAuthenticationConverter jwtAuthenticationConverter() {
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(authoritiesConverter());
		converter.setPrincipalClaimName("preferred_username");
		return converter;
	}

	public static ReactiveJwtAuthenticationConverterAdapter reactiveJwtAuthenticationConverter() {
		return new ReactiveJwtAuthenticationConverterAdapter(jwtAuthenticationConverter());
	}
}
