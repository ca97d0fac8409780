package org.coachapproach.progress;

/** Progress is kept per course: a session that arrived without a course cannot have any. */
public class NotInACourseException extends RuntimeException {

	public NotInACourseException() {
		super("the session has no course");
	}

}
