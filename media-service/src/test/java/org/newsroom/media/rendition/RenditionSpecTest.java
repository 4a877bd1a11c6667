package org.newsroom.media.rendition;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class RenditionSpecTest {

	@ParameterizedTest(name = "{0} of {1}x{2} is {3}x{4}")
	@CsvSource({
			// width renditions keep proportions and never grow
			"thumb,  6000, 4000,  320,  213",
			"large,  6000, 4000, 1600, 1067",
			"large,   800,  600,  800,  600",
			"medium, 4000, 6000, 1024, 1536",
			"thumb, 20000,  100,  320,    2",
			"thumb,     1,    1,    1,    1",
			// og: 1200x630 centre crop when the photo is big enough...
			"og,     6000, 4000, 1200,  630",
			"og,     4000, 6000, 1200,  630",
			"og,     3000, 1000, 1200,  630",
			// ...otherwise the largest 1200:630 crop at the photo's own size
			"og,      800,  600,  800,  420",
			"og,      600, 1000,  600,  315",
			"og,     2000,  300,  571,  300",
			"og,        1,    1,    1,    1" })
	void aRenditionIsNeverLargerThanThePhotoAndKeepsItsShape(String name, int width, int height, int expectedWidth,
			int expectedHeight) {
		RenditionSpec spec = RenditionSpec.named(name).orElseThrow();
		RenditionSpec.Size size = spec.sizeFor(width, height);
		assertThat(size).isEqualTo(new RenditionSpec.Size(expectedWidth, expectedHeight));
		RenditionSpec.Plan plan = spec.plan(width, height);
		assertThat(plan.scaled().width()).isLessThanOrEqualTo(width);
		assertThat(plan.scaled().height()).isLessThanOrEqualTo(height);
		assertThat(plan.crop().width()).isLessThanOrEqualTo(plan.scaled().width());
		assertThat(plan.crop().height()).isLessThanOrEqualTo(plan.scaled().height());
	}

	@ParameterizedTest
	@CsvSource({ "THUMB", "'thumb '", "../original", "''", "og.jpg" })
	void onlyTheExactNamesAreRenditions(String name) {
		assertThat(RenditionSpec.named(name)).isEmpty();
	}
}
