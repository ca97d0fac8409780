package org.coachapproach.assessment.internal;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading an export's bytes and splitting TSV as well as CSV. */
class CsvTableTests {

	@Test
	void shouldReadUtf8WithOrWithoutItsByteOrderMark() throws Exception {
		byte[] plain = "id,text\n1,Très".getBytes(StandardCharsets.UTF_8);
		byte[] marked = ("\uFEFFid,text\n1,Très").getBytes(StandardCharsets.UTF_8);

		assertThat(CsvTable.text(plain)).isEqualTo("id,text\n1,Très");
		assertThat(CsvTable.text(marked)).isEqualTo("id,text\n1,Très");
	}

	@Test
	void shouldReadUtf16OnlyWithItsByteOrderMark() throws Exception {
		assertThat(CsvTable.text(("\uFEFFid\ttext\n1\tTrès").getBytes(StandardCharsets.UTF_16LE))).isEqualTo("id\ttext\n1\tTrès");
		assertThat(CsvTable.text(("\uFEFFid\ttext").getBytes(StandardCharsets.UTF_16BE))).isEqualTo("id\ttext");
		assertThatThrownBy(() -> CsvTable.text("id,text".getBytes(StandardCharsets.UTF_16LE)))
			.isInstanceOf(CharacterCodingException.class);
	}

	@Test
	void shouldRefuseLatin1Text() {
		assertThatThrownBy(() -> CsvTable.text("id,text\n1,Très".getBytes(StandardCharsets.ISO_8859_1)))
			.isInstanceOf(CharacterCodingException.class);
	}

	@Test
	void shouldTellTabsFromCommasByTheHeaderRowOrTheFileName() {
		assertThat(CsvTable.delimiter("a\tb\tc, with a comma\n1,2,3,4", "export.csv")).isEqualTo('\t');
		assertThat(CsvTable.delimiter("a,b,c\n1\t2\t3\t4", null)).isEqualTo(',');
		assertThat(CsvTable.delimiter("single", "Export.TSV")).isEqualTo('\t');
		assertThat(CsvTable.delimiter("single", "export.csv")).isEqualTo(',');
	}

	@Test
	void shouldSplitTabSeparatedCellsKeepingCommasAndQuotedTabs() {
		CsvTable table = CsvTable.parse("id\ttext\n1\tone, two\t\n2\t\"a\ttab\"", '\t');

		assertThat(table.row(1)).containsExactly("1", "one, two", "");
		assertThat(table.row(2)).containsExactly("2", "a\ttab");
	}

}
