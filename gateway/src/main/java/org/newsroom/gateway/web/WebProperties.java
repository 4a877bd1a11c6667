package org.newsroom.gateway.web;

import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The web edition's settings.
 *
 * @param sections sections shown on the home page, in order (env NEWSROOM_WEB_SECTIONS, else NEWSROOM_ARTICLES_SECTIONS)
 * @param perSection headlines per section on the home page
 * @param siteName the paper's name in titles and Open Graph tags (env NEWSROOM_SITE_NAME, shared with article-service)
 * @param timeZone zone in which dates are shown to readers (env NEWSROOM_WEB_TIME_ZONE)
 * @param lettersUrl the newsletter / letters page linked in the footer, if any (env NEWSROOM_WEB_LETTERS_URL)
 */
@ConfigurationProperties("newsroom.web")
public record WebProperties(@DefaultValue List<String> sections, @DefaultValue("6") int perSection,
		@DefaultValue("The Newsroom") String siteName, @DefaultValue("UTC") ZoneId timeZone, String lettersUrl) {
}
