package org.coachapproach.outreach;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV (quoted fields, doubled quotes, line breaks inside quotes; CRLF or LF),
 * as spreadsheets export it. A leading byte-order mark is skipped.
 */
final class Csv {

	private Csv() {
	}

	/** The records, at most {@code maxRecords} (the rest is not read). */
	static List<List<String>> read(Reader in, int maxRecords) throws IOException {
		List<List<String>> records = new ArrayList<>();
		List<String> record = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		boolean any = false;
		int c = in.read();
		if (c == '\uFEFF') {
			c = in.read();
		}
		while (c != -1 && records.size() < maxRecords) {
			any = true;
			if (quoted) {
				if (c == '"') {
					int next = in.read();
					if (next == '"') {
						field.append('"');
					}
					else {
						quoted = false;
						c = next;
						continue;
					}
				}
				else {
					field.append((char) c);
				}
			}
			else if (c == '"' && field.isEmpty()) {
				quoted = true;
			}
			else if (c == ',') {
				record.add(field.toString());
				field.setLength(0);
			}
			else if (c == '\r' || c == '\n') {
				if (c == '\r') {
					int next = in.read();
					if (next != '\n') {
						record.add(field.toString());
						field.setLength(0);
						records.add(record);
						record = new ArrayList<>();
						any = false;
						c = next;
						continue;
					}
				}
				record.add(field.toString());
				field.setLength(0);
				records.add(record);
				record = new ArrayList<>();
				any = false;
			}
			else {
				field.append((char) c);
			}
			c = in.read();
		}
		if (any) {
			record.add(field.toString());
			records.add(record);
		}
		return records;
	}

}
