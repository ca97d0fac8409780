package org.coachapproach.assessment.internal;

/**
 * Invited (the course roster's members the instrument asks) and responded, as counts only;
 * a count under five is {@code null}. Nothing here says who.
 */
public record ResponseRate(String instrumentId, String title, String audience, int invited, Integer first,
		Integer second, Integer both) {
}
