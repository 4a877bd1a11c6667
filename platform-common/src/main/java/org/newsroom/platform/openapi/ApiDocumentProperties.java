package org.newsroom.platform.openapi;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The head of a service's API document, set in its application.yml.
 *
 * @param title what the API is for a newsroom, e.g. "Articles API"
 * @param description a paragraph on what it serves and to whom
 * @param version the project's version (the build puts it into application.yml)
 * @param server the public base URL of the gateway, the one server clients use ({@code NEWSROOM_PUBLIC_BASE_URL})
 * @param realm the realm's public URL, the tokens' issuer ({@code NEWSROOM_ISSUER_URI})
 */
@ConfigurationProperties("newsroom.api")
public record ApiDocumentProperties(String title, String description, String version, String server, String realm) {
}
