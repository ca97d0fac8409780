package org.coachapproach.progress;

import org.coachapproach.people.RefusedException;

/** Progress is kept per course: a session that arrived without a course cannot have any. */
public class NotInACourseException extends RefusedException {

	public NotInACourseException() {
		super("progress.refused.noCourse");
	}

}
