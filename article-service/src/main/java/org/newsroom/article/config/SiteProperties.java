package org.newsroom.article.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The newspaper's public face, as article links, share links and feeds show it (defaults in
 * application.yml, each with its env var).
 *
 * @param publicBaseUrl where readers reach the site ({@code NEWSROOM_PUBLIC_BASE_URL}); an
 *     article's page is {@code {publicBaseUrl}/news/{slug}}
 * @param siteName the publication's name in feeds, JSON-LD and share cards ({@code NEWSROOM_SITE_NAME})
 * @param kakaoAppKey the Kakao JavaScript key; KakaoTalk sharing is offered only when set
 *     ({@code NEWSROOM_KAKAO_APP_KEY})
 */
@ConfigurationProperties("newsroom")
public record SiteProperties(String publicBaseUrl, String siteName, String kakaoAppKey) {

	/** The base URL without a trailing slash. */
	public String base() {
		return publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
	}

	public boolean kakaoEnabled() {
		return kakaoAppKey != null && !kakaoAppKey.isBlank();
	}
}
