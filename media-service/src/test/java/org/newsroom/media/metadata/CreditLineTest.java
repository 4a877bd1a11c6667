package org.newsroom.media.metadata;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CreditLineTest {

	@ParameterizedTest(name = "[{0}] is shown as [{1}]")
	@CsvSource(delimiter = '|', value = {
			"Reuters-Yonhap            | Reuters-Yonhap",
			"REUTERS / Yonhap          | REUTERS-Yonhap",
			"Reuters – Yonhap          | Reuters-Yonhap",
			"AFP—Yonhap                | AFP-Yonhap",
			"'AP | Yonhap'             | AP-Yonhap",
			"'Reuters - Yonhap'        | Reuters-Yonhap",
			"'  Yonhap  '              | Yonhap",
			"'AFP   via\tGetty Images' | AFP via Getty Images",
			"Agence France-Presse      | Agence France-Presse",
			"'/ Reuters /'             | Reuters",
			"연합뉴스                   | 연합뉴스",
			"EPA-EFE／Yonhap            | EPA-EFE-Yonhap" })
	void aCreditIsShownInHouseStyleWithTheAgencyNamesAsWritten(String given, String shown) {
		CreditLine credit = CreditLine.of(given);
		assertThat(credit.display()).isEqualTo(shown);
		assertThat(credit.raw()).isEqualTo(MetadataText.line(given));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "''", "'   '", "' / - '" })
	void aCreditOfOnlySpacesOrSeparatorsIsNoCredit(String given) {
		assertThat(CreditLine.of(given)).isNull();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "reuters / yonhap", "REUTERS-YONHAP", "Reuters – Yonhap" })
	void filtersCompareCreditsIgnoringCaseAndSeparatorSpacing(String asked) {
		assertThat(CreditLine.key(asked)).isEqualTo(CreditLine.of("Reuters-Yonhap").key());
	}
}
