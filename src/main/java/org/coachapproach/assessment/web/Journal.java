package org.coachapproach.assessment.web;

/**
 * {@link JournalFormat} for the evaluation page's template: a journal's "mean (SD)", "n (%)" and
 * interval forms; {@code null} (nothing to show) for an absent figure, so that the page can tell
 * a suppressed one.
 */
final class Journal {

	public String mean(Double mean) {
		return mean == null ? null : JournalFormat.number(mean, 2);
	}

	public String meanSd(Double mean, Double sd) {
		return mean == null || sd == null ? null : JournalFormat.number(mean, 2) + " (" + JournalFormat.number(sd, 2) + ")";
	}

	public String p(Double p) {
		return p == null ? null : JournalFormat.p(p);
	}

	public String interval(Double low, Double high) {
		return low == null || high == null ? null : JournalFormat.interval(low, high);
	}

	public String percent(Double share) {
		return share == null ? null : JournalFormat.percent(share);
	}

	public String countPercent(Integer count, Double share) {
		return count == null || share == null ? null : count + " (" + JournalFormat.percent(share) + ")";
	}

}
