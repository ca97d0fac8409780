package org.coachapproach.series.web;

import java.util.List;
import java.util.stream.Collectors;

/**
 * RFC 4180 lines for spreadsheet programs. A cell a spreadsheet would read as a formula
 * (starting with = + - @, tab or carriage return) gets a leading apostrophe: session titles
 * come from authors' files.
 */
final class SeriesCsv {

	private SeriesCsv() {
	}

	static String line(List<String> cells) {
		return cells.stream().map(SeriesCsv::cell).collect(Collectors.joining(",")) + "\r\n";
	}

	static String cell(String value) {
		String text = value == null ? "" : value;
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			text = "'" + text;
		}
		if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			return "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}

}
