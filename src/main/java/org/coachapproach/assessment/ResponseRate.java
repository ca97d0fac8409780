package org.coachapproach.assessment;

/**
 * Invited (the course roster's members the instrument asks) and responded, as counts only;
 * a count under five is {@code null}. Nothing here says who.
 */
public record ResponseRate(String instrumentId, String title, String audience, int invited, Integer first,
		Integer second, Integer both) {

	/**
	 * Whether the roster is who was asked: not when more responded than it lists (an earlier
	 * cohort imported, or the demo's made-up cohort).
	 */
	public boolean rosterIsPool() {
		return java.util.stream.Stream.of(this.first, this.second, this.both)
			.allMatch(count -> count == null || count <= this.invited);
	}

}
