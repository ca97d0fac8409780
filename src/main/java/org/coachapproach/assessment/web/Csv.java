package org.coachapproach.assessment.web;

import java.util.List;
import java.util.stream.Collectors;

/**
 * RFC 4180 lines; a cell a spreadsheet would read as a formula gets a leading apostrophe.
 * (The same rule as the completion export's; the lead may fold both into one shared class.)
 */
final class Csv {

	private Csv() {
	}

	static String line(List<String> cells) {
		return cells.stream().map(Csv::cell).collect(Collectors.joining(",")) + "\r\n";
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
