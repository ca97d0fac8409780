package org.coachapproach.assessment.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 text split into rows of cells (quoted cells may hold commas, quotes and line
 * breaks), remembering each row's first line number in the file for error messages.
 */
public final class CsvTable {

	private final List<List<String>> rows;

	private final List<Integer> lines;

	private CsvTable(List<List<String>> rows, List<Integer> lines) {
		this.rows = rows;
		this.lines = lines;
	}

	public static CsvTable parse(String text) {
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
			switch (c) {
				case '"' -> {
					quoted = true;
					any = true;
				}
				case ',' -> {
					row.add(cell.toString());
					cell.setLength(0);
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
