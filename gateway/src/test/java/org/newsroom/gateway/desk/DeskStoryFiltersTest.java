package org.newsroom.gateway.desk;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/** The story list's filters: read from the form as a browser sends it, checked, and carried to the next page. */
class DeskStoryFiltersTest {

	private static final List<String> SECTIONS = List.of("national", "world");

	@Test
	void emptyFieldsAsABrowserSendsThemMeanNoFilter() {
		StoryFilters filters = StoryFilters.from(query("status=&section=&q=++&cursor="));

		assertThat(filters).isEqualTo(new StoryFilters(null, null, null, null));
		assertThat(filters.narrowed()).isFalse();
		assertThat(filters.apiStatuses()).isEqualTo("DRAFT,SCHEDULED,PUBLISHED,WITHDRAWN");
		assertThat(filters.problem(SECTIONS)).isNull();
	}

	@Test
	void aChosenStatusIsArticleServicesName() {
		assertThat(StoryFilters.from(query("status=scheduled")).apiStatuses()).isEqualTo("SCHEDULED");
	}

	@Test
	void valuesTheFormCannotSendAreNamed() {
		assertThat(new StoryFilters("deleted", null, null, null).problem(SECTIONS)).contains("status \"deleted\"");
		assertThat(new StoryFilters(null, "sport", null, null).problem(SECTIONS)).contains("section \"sport\"");
		assertThat(new StoryFilters(null, null, "가".repeat(201), null).problem(SECTIONS)).contains("200 characters");
		assertThat(new StoryFilters("draft", "world", "가".repeat(200), null).problem(SECTIONS)).isNull();
	}

	@Test
	void theNextPagesLinkKeepsTheFiltersAndCarriesTheCursorWhole() {
		StoryFilters filters = new StoryFilters("draft", null, "서울 & 첫눈+", "old");

		String link = filters.link("c2Vj+/ZXQ=");

		assertThat(link).startsWith("/desk?status=draft&q=").doesNotContain("old", "section", " ", "+");
		// read back as the gateway will read it: the same values, the cursor in place of the old one
		assertThat(StoryFilters.from(query(link.substring(link.indexOf('?') + 1))))
			.isEqualTo(new StoryFilters("draft", null, "서울 & 첫눈+", "c2Vj+/ZXQ="));
		assertThat(filters.link(null)).as("back to the newest").isEqualTo(new StoryFilters("draft", null, "서울 & 첫눈+",
				null).link(null)).doesNotContain("cursor");
	}

	private static LinkedMultiValueMap<String, String> query(String query) {
		return new LinkedMultiValueMap<>(UriComponentsBuilder.fromUriString("/desk?" + query)
			.build(true)
			.getQueryParams()
			.entrySet()
			.stream()
			.collect(java.util.stream.Collectors.toMap(e -> e.getKey(),
					e -> e.getValue().stream().map(v -> v == null ? null : decode(v)).toList())));
	}

	private static String decode(String value) {
		return java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8);
	}
}
