package org.coachapproach;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Exports that spreadsheets open safely: formulas defused, numbers kept, RFC 4180 quoting. */
class SpreadsheetCsvTests {

	@Test
	void shouldDefuseFormulasButKeepNumbers() {
		assertThat(SpreadsheetCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
		assertThat(SpreadsheetCsv.cell("-2+3")).isEqualTo("'-2+3");
		assertThat(SpreadsheetCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(SpreadsheetCsv.cell("-0.25")).isEqualTo("-0.25");
		assertThat(SpreadsheetCsv.cell("+1.5e-3")).isEqualTo("+1.5e-3");
	}

	@Test
	void shouldQuoteCommasQuotesAndLineBreaks() {
		assertThat(SpreadsheetCsv.line(Arrays.asList("a,b", "say \"hi\"", "two\nlines", null)))
			.isEqualTo("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n");
	}

}
