package org.coachapproach.assessment.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * RFC 4180 text split into rows of cells (quoted cells may hold the delimiter, quotes and line
 * breaks), remembering each row's first line number in the file for error messages. The
 * delimiter is a comma (CSV) or a tab (TSV, as Qualtrics downloads it).
 */
public final class CsvTable {

	private final List<List<String>> rows;

	private final List<Integer> lines;

	private CsvTable(List<List<String>> rows, List<Integer> lines) {
		this.rows = rows;
		this.lines = lines;
	}

	/**
	 * The text of an uploaded export: UTF-8 (with or without a byte order mark), or UTF-16 with
	 * one (Qualtrics' "TSV" download is UTF-16LE with a BOM).
	 * @throws CharacterCodingException when it is neither (text holding NUL characters included)
	 */
	public static String text(byte[] file) throws CharacterCodingException {
		Charset charset = StandardCharsets.UTF_8;
		int skip = 0;
		if (file.length >= 2 && (file[0] & 0xFF) == 0xFF && (file[1] & 0xFF) == 0xFE) {
			charset = StandardCharsets.UTF_16LE;
			skip = 2;
		}
		else if (file.length >= 2 && (file[0] & 0xFF) == 0xFE && (file[1] & 0xFF) == 0xFF) {
			charset = StandardCharsets.UTF_16BE;
			skip = 2;
		}
		else if (file.length >= 3 && (file[0] & 0xFF) == 0xEF && (file[1] & 0xFF) == 0xBB && (file[2] & 0xFF) == 0xBF) {
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

	/** A tab for a {@code .tsv} file or a header row holding more tabs than commas; otherwise a comma. */
	public static char delimiter(String text, String fileName) {
		if (fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".tsv")) {
			return '\t';
		}
		int end = text.indexOf('\n');
		String header = end < 0 ? text : text.substring(0, end);
		return header.chars().filter(c -> c == '\t').count() > header.chars().filter(c -> c == ',').count() ? '\t' : ',';
	}

	public static CsvTable parse(String text) {
		return parse(text, ',');
	}

	public static CsvTable parse(String text, char delimiter) {
		String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
		List<List<String>> rows = new ArrayList<>();
		List<Integer> lines = new ArrayList<>();
		List<String> row = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		boolean any = false;
		int line = 1;
		int rowLine = 1;
		for (int i = 0; i < body.length(); i++) {
			char c = body.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < body.length() && body.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					if (c == '\n') {
						line++;
					}
					cell.append(c);
				}
				continue;
			}
			if (c == delimiter) {
				row.add(cell.toString());
				cell.setLength(0);
				any = true;
				continue;
			}
			switch (c) {
				case '"' -> {
					quoted = true;
					any = true;
				}
				case '\r' -> {
				}
				case '\n' -> {
					if (any || cell.length() > 0) {
						row.add(cell.toString());
						rows.add(row);
						lines.add(rowLine);
					}
					row = new ArrayList<>();
					cell.setLength(0);
					any = false;
					line++;
					rowLine = line;
				}
				default -> {
					cell.append(c);
					any = true;
				}
			}
		}
		if (any || cell.length() > 0) {
			row.add(cell.toString());
			rows.add(row);
			lines.add(rowLine);
		}
		return new CsvTable(rows, lines);
	}

	public int size() {
		return this.rows.size();
	}

	public List<String> row(int index) {
		return this.rows.get(index);
	}

	/** The file line the row starts on (1-based). */
	public int line(int index) {
		return this.lines.get(index);
	}

	public String cell(int row, int column) {
		List<String> cells = this.rows.get(row);
		return column < cells.size() ? cells.get(column) : "";
	}

}
