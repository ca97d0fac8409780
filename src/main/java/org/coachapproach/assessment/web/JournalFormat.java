package org.coachapproach.assessment.web;

import java.util.Locale;

/** Numbers as a journal prints them: mean ± SD to two decimals, p to three, "< 0.001" below that. */
final class JournalFormat {

	private JournalFormat() {
	}

	static String number(Double value, int decimals) {
		if (value == null || value.isNaN()) {
			return "";
		}
		return String.format(Locale.ROOT, "%." + decimals + "f", value);
	}

	static String meanSd(double mean, double sd) {
		return number(mean, 2) + " ± " + number(sd, 2);
	}

	static String p(Double p) {
		if (p == null || p.isNaN()) {
			return "";
		}
		return p < 0.001 ? "< 0.001" : number(p, 3);
	}

	static String interval(Double low, Double high) {
		if (low == null || high == null) {
			return "";
		}
		return number(low, 2) + " to " + number(high, 2);
	}

	static String percent(Double share) {
		return share == null ? "" : number(share, 0) + "%";
	}

}
