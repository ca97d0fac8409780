package org.coachapproach.people;

/**
 * A launch into a course that belongs to another program: the platform has two registrations
 * of the tool (two developer keys at one issuer) and the course was first launched through the
 * other. Refused, so that one program never reaches the other's course, people or grades.
 */
public class CourseOfAnotherProgramException extends RuntimeException {

	public CourseOfAnotherProgramException(CourseId course, ProgramId arrivedFrom) {
		super("course " + course.value() + " belongs to another program than " + arrivedFrom.value());
	}

}
