package org.coachapproach.series;

/**
 * Where a person is in one recording.
 *
 * @param position seconds into the recording where they last were
 * @param duration the recording's length in seconds as their player reported it (0 when only
 * marked as watched)
 */
public record WatchState(int position, int duration, boolean watched) {

	public static final WatchState NOT_STARTED = new WatchState(0, 0, false);

	public boolean started() {
		return this.watched || this.position > 0;
	}

	/** Whole minutes seen, for "in progress (12 min)". */
	public int minutes() {
		return this.position / 60;
	}

}
