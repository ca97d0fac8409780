package org.coachapproach.assessment.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed inputs and R's expected values under src/test/resources/analysis (written by
 * reference.R there), and the comparison to R's 17 significant digits.
 */
public final class RFixtures {

	/** Relative tolerance; below {@link #ABSOLUTE} in magnitude, absolute. */
	static final double RELATIVE = 1e-9;

	static final double ABSOLUTE = 1e-12;

	private RFixtures() {
	}

	/** Rows of a CSV with a header and no quoted fields, as column → text. */
	static List<Map<String, String>> read(String name) {
		try (InputStream in = RFixtures.class.getResourceAsStream("/analysis/" + name);
				BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String[] header = lines.readLine().split(",", -1);
			List<Map<String, String>> rows = new ArrayList<>();
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				String[] cells = line.split(",", -1);
				Map<String, String> row = new LinkedHashMap<>();
				for (int i = 0; i < header.length; i++) {
					row.put(header[i], cells[i]);
				}
				rows.add(row);
			}
			return rows;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** R's NA is NaN here. */
	static double number(String text) {
		return text.equals("NA") ? Double.NaN : Double.parseDouble(text);
	}

	/** Asserts {@code actual} is R's {@code expected} within the tolerance, NaN where R has NA. */
	public static void assertR(String what, double actual, String expected) {
		double r = number(expected);
		if (Double.isNaN(r)) {
			assertThat(actual).as(what + " (R: NA)").isNaN();
			return;
		}
		double tolerance = Math.max(RELATIVE * Math.abs(r), ABSOLUTE);
		assertThat(actual).as(what + " (R: " + expected + ")").isCloseTo(r, org.assertj.core.data.Offset.offset(tolerance));
	}

}
