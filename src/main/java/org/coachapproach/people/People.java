package org.coachapproach.people;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records who arrives, in which course, with which roles. */
@Service
public class People {

	private final PersonRepository persons;

	private final CourseRepository courses;

	private final MembershipRepository memberships;

	private final Clock clock;

	People(PersonRepository persons, CourseRepository courses, MembershipRepository memberships, Clock clock) {
		this.persons = persons;
		this.courses = courses;
		this.memberships = memberships;
		this.clock = clock;
	}

	/**
	 * Creates or updates the person, their course and their membership from a verified
	 * arrival. A program role already set (by staff) is kept; otherwise the arrival's applies.
	 */
	@Transactional
	public Member arrive(Arrival arrival) {
		Instant now = this.clock.instant();
		// Find, else create-if-absent and find: two first launches of one person (or course) at
		// once both succeed. Needs READ COMMITTED, so the second find sees the other's row.
		Person person = this.persons.findByIssuerAndSubject(arrival.issuer(), arrival.subject()).orElseGet(() -> {
			this.persons.insertIfAbsent(arrival.issuer(), arrival.subject(), now);
			return this.persons.findByIssuerAndSubject(arrival.issuer(), arrival.subject()).orElseThrow();
		});
		person.seen(arrival.displayName(), arrival.email(), now);
		person = this.persons.save(person);
		if (arrival.contextId() == null) {
			return new Member(person.id(), person.displayName(), null, null, arrival.courseRoles(),
					arrival.programRole());
		}
		Course course = this.courses.findByIssuerAndContextId(arrival.issuer(), arrival.contextId()).orElseGet(() -> {
			this.courses.insertIfAbsent(arrival.issuer(), arrival.contextId(), now);
			return this.courses.findByIssuerAndContextId(arrival.issuer(), arrival.contextId()).orElseThrow();
		});
		course.describe(arrival.contextTitle(), arrival.contextLabel());
		course = this.courses.save(course);
		Set<CourseRole> roles = arrival.courseRoles().isEmpty() ? EnumSet.noneOf(CourseRole.class)
				: EnumSet.copyOf(arrival.courseRoles());
		PersonId personId = person.id();
		CourseId courseId = course.id();
		Membership membership = this.memberships.findByPersonIdAndCourseId(personId.value(), courseId.value())
			.orElseGet(() -> {
				this.memberships.insertIfAbsent(personId.value(), courseId.value(), now);
				return this.memberships.findByPersonIdAndCourseId(personId.value(), courseId.value()).orElseThrow();
			});
		membership.roles(roles, now);
		if (membership.programRole() == null && arrival.programRole() != null) {
			membership.programRole(arrival.programRole(), now);
		}
		membership = this.memberships.save(membership);
		return new Member(personId, person.displayName(), courseId, course.title(), membership.courseRoles(),
				membership.programRole());
	}

}
