package org.coachapproach;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads every uploaded table of the tool (survey responses, attendance reports, the faculty
 * list), as spreadsheets and survey or video platforms export it: UTF-8 with or without a byte
 * order mark, or UTF-16 with one; comma- or tab-separated; RFC 4180 quoting (a quoted field may
 * hold the delimiter, doubled quotes and line breaks). A line ends at CR LF, LF or a lone CR.
 * Each row keeps the file line it starts on, so a problem is reported where the author sees it.
 * A quoted field that is never closed is refused with the line it starts on, never read to the
 * end of the file; text after a closing quote is kept, as spreadsheets do.
 */
public final class DelimitedTable {

	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
		.setIgnoreEmptyLines(false)
		.setTrailingData(true)
		.get();

	/** One record and the 1-based file line it starts on; an empty line is one empty cell. */
	public record Row(int line, List<String> cells) {

		public Row {
			cells = List.copyOf(cells);
		}

		/** Whether every cell is blank (an empty line included). */
		public boolean blank() {
			return this.cells.stream().allMatch(String::isBlank);
		}

		/** The cell at {@code index} as written, or empty when the row is shorter. */
		public String cell(int index) {
			return index < 0 || index >= this.cells.size() ? "" : this.cells.get(index);
		}

	}

	private DelimitedTable() {
	}

	/**
	 * The text of an uploaded file: UTF-8 (with or without a byte order mark), or UTF-16 with
	 * one (Qualtrics' "TSV" download and Teams' attendance report are UTF-16LE with a BOM).
	 * @throws CharacterCodingException when it is neither (text holding NUL characters included)
	 */
	public static String text(byte[] file) throws CharacterCodingException {
		Charset charset = StandardCharsets.UTF_8;
		int skip = 0;
		if (startsWith(file, 0xFF, 0xFE)) {
			charset = StandardCharsets.UTF_16LE;
			skip = 2;
		}
		else if (startsWith(file, 0xFE, 0xFF)) {
			charset = StandardCharsets.UTF_16BE;
			skip = 2;
		}
		else if (startsWith(file, 0xEF, 0xBB, 0xBF)) {
			skip = 3;
		}
		String text = charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT)
			.decode(ByteBuffer.wrap(file, skip, file.length - skip))
			.toString();
		if (text.indexOf('\0') >= 0) {
			// valid UTF-8 as bytes, but no export holds NUL: UTF-16 without its byte order mark
			throw new MalformedInputException(1);
		}
		return text;
	}

	/** A tab for a {@code .tsv} file or a first line holding more tabs than commas; otherwise a comma. */
	public static char delimiter(String text, String fileName) {
		if (fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".tsv")) {
			return '\t';
		}
		int end = text.indexOf('\n');
		String header = end < 0 ? text : text.substring(0, end);
		return header.chars().filter(c -> c == '\t').count() > header.chars().filter(c -> c == ',').count() ? '\t' : ',';
	}

	/**
	 * Every record of {@code text}, empty lines included.
	 * @throws UnclosedQuoteException naming the line where a quoted field that is never closed starts
	 */
	public static List<Row> read(String text, char delimiter) {
		return read(text, delimiter, 1);
	}

	/**
	 * Every record of {@code text} from its line {@code fromLine} (1-based) on, empty lines included;
	 * rows keep their line in the whole text.
	 * @throws UnclosedQuoteException naming the line where a quoted field that is never closed starts
	 */
	public static List<Row> read(String text, char delimiter, int fromLine) {
		String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
		int from = 0;
		for (int line = 1; line < fromLine && from < body.length(); from++) {
			char c = body.charAt(from);
			if (c == '\n' || (c == '\r' && (from + 1 >= body.length() || body.charAt(from + 1) != '\n'))) {
				line++;
			}
		}
		int skipped = fromLine - 1;
		List<Row> rows = new ArrayList<>();
		try (CSVParser parser = CSVParser.parse(body.substring(from), FORMAT.builder().setDelimiter(delimiter).get())) {
			Iterator<CSVRecord> records = parser.iterator();
			while (true) {
				int start = skipped + (int) parser.getCurrentLineNumber() + 1;
				try {
					if (!records.hasNext()) {
						break;
					}
				}
				catch (UncheckedIOException ex) {
					// the only way RFC 4180 text with trailing data allowed can break
					throw new UnclosedQuoteException(start);
				}
				rows.add(new Row(start, records.next().toList()));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return rows;
	}

	private static boolean startsWith(byte[] bytes, int... prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((bytes[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	/** A quoted field that runs to the end of the file. */
	public static final class UnclosedQuoteException extends IllegalArgumentException {

		private final int line;

		UnclosedQuoteException(int line) {
			super("line " + line + ": a quoted field is never closed");
			this.line = line;
		}

		/** The refusal, with the line the quoted field starts on, worded by the importing module. */
		public LineProblem problem() {
			return LineProblem.of(this.line, "unclosedQuote");
		}

	}

}
