package org.coachapproach.people;

/** Whether a member still takes part in the course, as the platform's roster says. */
public enum MembershipStatus {

	ACTIVE, INACTIVE, DELETED

}
