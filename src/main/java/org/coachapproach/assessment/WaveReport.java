package org.coachapproach.assessment;

import java.util.List;

/** One wave of an instrument as distributions (post-only feedback, the CFDS survey). */
public record WaveReport(String instrumentId, String title, String wave, Integer respondents,
		List<Distribution> distributions, List<Comments> comments) {
}
