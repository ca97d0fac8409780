package org.coachapproach;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.coachapproach.DelimitedTable.Row;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading an uploaded file's bytes, and splitting CSV and TSV into rows that know their line. */
class DelimitedTableTests {

	@Test
	void shouldReadUtf8WithOrWithoutItsByteOrderMark() throws Exception {
		byte[] plain = "id,text\n1,Très".getBytes(StandardCharsets.UTF_8);
		byte[] marked = ("\uFEFFid,text\n1,Très").getBytes(StandardCharsets.UTF_8);

		assertThat(DelimitedTable.text(plain)).isEqualTo("id,text\n1,Très");
		assertThat(DelimitedTable.text(marked)).isEqualTo("id,text\n1,Très");
	}

	@Test
	void shouldReadUtf16OnlyWithItsByteOrderMark() throws Exception {
		assertThat(DelimitedTable.text(("\uFEFFid\ttext\n1\tTrès").getBytes(StandardCharsets.UTF_16LE)))
			.isEqualTo("id\ttext\n1\tTrès");
		assertThat(DelimitedTable.text(("\uFEFFid\ttext").getBytes(StandardCharsets.UTF_16BE))).isEqualTo("id\ttext");
		assertThatThrownBy(() -> DelimitedTable.text("id,text".getBytes(StandardCharsets.UTF_16LE)))
			.isInstanceOf(CharacterCodingException.class);
	}

	@Test
	void shouldRefuseLatin1Text() {
		assertThatThrownBy(() -> DelimitedTable.text("id,text\n1,Très".getBytes(StandardCharsets.ISO_8859_1)))
			.isInstanceOf(CharacterCodingException.class);
	}

	@Test
	void shouldTellTabsFromCommasByTheHeaderRowOrTheFileName() {
		assertThat(DelimitedTable.delimiter("a\tb\tc, with a comma\n1,2,3,4", "export.csv")).isEqualTo('\t');
		assertThat(DelimitedTable.delimiter("a,b,c\n1\t2\t3\t4", null)).isEqualTo(',');
		assertThat(DelimitedTable.delimiter("single", "Export.TSV")).isEqualTo('\t');
		assertThat(DelimitedTable.delimiter("single", "export.csv")).isEqualTo(',');
	}

	@Test
	void shouldSplitTabSeparatedCellsKeepingCommasAndQuotedTabs() {
		List<Row> rows = DelimitedTable.read("id\ttext\n1\tone, two\t\n2\t\"a\ttab\"", '\t');

		assertThat(rows.get(1).cells()).containsExactly("1", "one, two", "");
		assertThat(rows.get(2).cells()).containsExactly("2", "a\ttab");
	}

	@Test
	void shouldSplitQuotedCellsAndRememberTheLineEachRowStartsOn() {
		List<Row> rows = DelimitedTable.read("\uFEFFid,text\r\n1,\"two, \"\"quoted\"\"\nlines\"\n\n3,last", ',');

		assertThat(rows).extracting(Row::line).containsExactly(1, 2, 4, 5);
		assertThat(rows.get(0).cells()).containsExactly("id", "text");
		assertThat(rows.get(1).cells()).containsExactly("1", "two, \"quoted\"\nlines");
		assertThat(rows.get(2).blank()).isTrue();
		assertThat(rows.get(3).cell(5)).isEmpty();
	}

	@Test
	void shouldEndALineAtALoneCarriageReturn() {
		List<Row> rows = DelimitedTable.read("a,b\rc,d\r\n\"e\rf\",g\rh,i", ',');

		assertThat(rows).extracting(Row::line).containsExactly(1, 2, 3, 5);
		assertThat(rows).extracting(Row::cells)
			.containsExactly(List.of("a", "b"), List.of("c", "d"), List.of("e\rf", "g"), List.of("h", "i"));
	}

	@Test
	void shouldStartAtTheGivenLineKeepingTheFilesLineNumbers() {
		List<Row> rows = DelimitedTable.read("Summary\r\nTitle,x\r\n\r\nName,Email\r\nAda,ada@example.edu", ',', 4);

		assertThat(rows).extracting(Row::line).containsExactly(4, 5);
		assertThat(rows.get(1).cells()).containsExactly("Ada", "ada@example.edu");
	}

	@Test
	void shouldRefuseAQuotedCellThatIsNeverClosedNamingTheLineItStartsOn() {
		assertThatThrownBy(() -> DelimitedTable.read("id,text\n1,ok\n2,\"never\nclosed\n3,x", ','))
			.isInstanceOfSatisfying(DelimitedTable.UnclosedQuoteException.class,
					ex -> assertThat(ex.problem()).isEqualTo(LineProblem.of(3, "unclosedQuote")));
		assertThatThrownBy(() -> DelimitedTable.read("a\rb\r\"c", ',', 2))
			.isInstanceOfSatisfying(DelimitedTable.UnclosedQuoteException.class,
					ex -> assertThat(ex.problem().line()).isEqualTo(3));
	}

	@Test
	void shouldKeepTextAfterAClosingQuoteAndQuotesInsideAnUnquotedCell() {
		assertThat(DelimitedTable.read("\"a\"b,c\"d\n", ',')).singleElement()
			.extracting(Row::cells)
			.isEqualTo(List.of("ab", "c\"d"));
	}

}
