package org.coachapproach;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * RFC 4180 lines for spreadsheet programs, for every export of the tool. A cell a spreadsheet
 * would read as a formula (starting with = + - @, tab or carriage return) gets a leading
 * apostrophe, so a name typed into the platform can never run as one; a plain number (say a
 * negative mean difference) stays a number.
 */
public final class SpreadsheetCsv {

	private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

	private SpreadsheetCsv() {
	}

	public static String line(List<String> cells) {
		return cells.stream().map(SpreadsheetCsv::cell).collect(Collectors.joining(",")) + "\r\n";
	}

	public static String cell(String value) {
		String text = value == null ? "" : value;
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !NUMBER.matcher(text).matches()) {
			text = "'" + text;
		}
		if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			return "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}

}
