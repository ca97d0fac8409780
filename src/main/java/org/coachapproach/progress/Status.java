package org.coachapproach.progress;

/** Where a person stands with a session or an exercise. */
public enum Status {

	NOT_STARTED, IN_PROGRESS, COMPLETE

}
