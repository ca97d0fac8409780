package org.coachapproach.series.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Delimited text as video platforms export it: UTF-8 (with or without a byte order mark) or
 * UTF-16 with its byte order mark (Teams), comma- or tab-separated, RFC 4180 quoting (quoted
 * fields may hold the delimiter, doubled quotes and line breaks). Each record keeps the line
 * number it starts on, so a problem can be reported where the author sees it.
 */
final class DelimitedText {

	/** One record and the 1-based line it starts on. */
	record Row(int line, List<String> cells) {

		boolean blank() {
			return this.cells.stream().allMatch(String::isBlank);
		}

		String cell(int index) {
			return index < 0 || index >= this.cells.size() ? "" : this.cells.get(index).strip();
		}

	}

	private DelimitedText() {
	}

	/** The text, or empty when the bytes are not text in an encoding these exports use. */
	static Optional<String> decode(byte[] bytes) {
		if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
			return strict(bytes, 3, StandardCharsets.UTF_8);
		}
		if (startsWith(bytes, 0xFF, 0xFE)) {
			return strict(bytes, 2, StandardCharsets.UTF_16LE);
		}
		if (startsWith(bytes, 0xFE, 0xFF)) {
			return strict(bytes, 2, StandardCharsets.UTF_16BE);
		}
		return strict(bytes, 0, StandardCharsets.UTF_8);
	}

	/**
	 * Reads records from {@code text}, starting at the line with 1-based number {@code fromLine}.
	 *
	 * @throws IllegalArgumentException naming the line where a quoted field is never closed
	 */
	static List<Row> read(String text, char delimiter, int fromLine) {
		List<Row> rows = new ArrayList<>();
		int line = 1;
		int i = 0;
		int n = text.length();
		while (i < n && line < fromLine) {
			char c = text.charAt(i++);
			if (c == '\n' || (c == '\r' && (i >= n || text.charAt(i) != '\n'))) {
				line++;
			}
		}
		while (i < n) {
			int start = line;
			List<String> cells = new ArrayList<>();
			StringBuilder cell = new StringBuilder();
			boolean quoted = false;
			boolean wasQuoted = false;
			boolean end = false;
			while (i < n && !end) {
				char c = text.charAt(i++);
				if (quoted) {
					if (c == '"') {
						if (i < n && text.charAt(i) == '"') {
							cell.append('"');
							i++;
						}
						else {
							quoted = false;
						}
					}
					else {
						if (c == '\n' || (c == '\r' && (i >= n || text.charAt(i) != '\n'))) {
							line++;
						}
						cell.append(c);
					}
				}
				else if (c == '"' && cell.toString().isBlank() && !wasQuoted) {
					quoted = true;
					wasQuoted = true;
					cell.setLength(0);
				}
				else if (c == delimiter) {
					cells.add(cell.toString());
					cell.setLength(0);
					wasQuoted = false;
				}
				else if (c == '\r' || c == '\n') {
					if (c == '\r' && i < n && text.charAt(i) == '\n') {
						i++;
					}
					line++;
					end = true;
				}
				else {
					cell.append(c);
				}
			}
			if (quoted) {
				throw new UnclosedQuoteException(start);
			}
			cells.add(cell.toString());
			rows.add(new Row(start, cells));
		}
		return rows;
	}

	private static Optional<String> strict(byte[] bytes, int offset, Charset charset) {
		try {
			return Optional.of(charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
				.toString());
		}
		catch (CharacterCodingException ex) {
			return Optional.empty();
		}
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
	static final class UnclosedQuoteException extends IllegalArgumentException {

		private final int line;

		UnclosedQuoteException(int line) {
			super("line " + line + ": a quoted field is never closed");
			this.line = line;
		}

		int line() {
			return this.line;
		}

	}

}
