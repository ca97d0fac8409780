package org.coachapproach.people;

/** The person's part in the mentoring program, distinct from the course role. */
public enum ProgramRole {

	MENTOR, MENTEE, STAFF

}
