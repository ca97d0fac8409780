package org.coachapproach.progress.web;

import java.util.List;
import java.util.stream.Collectors;

/**
 * RFC 4180 lines for spreadsheet programs. A cell a spreadsheet would read as a formula
 * (starting with = + - @, tab or carriage return) gets a leading apostrophe, so a name typed
 * into the platform can never run as one.
 */
final class CompletionCsv {

	private CompletionCsv() {
	}

	static String line(List<String> cells) {
		return cells.stream().map(CompletionCsv::cell).collect(Collectors.joining(",")) + "\r\n";
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
