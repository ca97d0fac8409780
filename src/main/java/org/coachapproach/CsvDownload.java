package org.coachapproach;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The response of every CSV export: UTF-8 {@code text/csv} the browser saves under
 * {@code fileName}. The lines come from {@link SpreadsheetCsv}.
 */
public final class CsvDownload {

	private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private CsvDownload() {
	}

	public static ResponseEntity<byte[]> of(String fileName, CharSequence csv) {
		return ResponseEntity.ok()
			.contentType(CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
			.body(csv.toString().getBytes(StandardCharsets.UTF_8));
	}

}
