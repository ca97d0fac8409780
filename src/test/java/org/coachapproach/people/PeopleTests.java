package org.coachapproach.people;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@RecordApplicationEvents
class PeopleTests {

	@Autowired
	ApplicationEvents events;

	@Autowired
	People people;

	@Autowired
	JdbcClient jdbc;

	@Test
	void shouldRecordAPersonCourseAndMembershipOnceAndFindThemAgain() {
		String subject = "p-" + System.nanoTime();
		Member first = this.people.arrive(arrival(subject, "course-a", Set.of(CourseRole.LEARNER), ProgramRole.MENTOR));
		Member again = this.people.arrive(arrival(subject, "course-a", Set.of(CourseRole.LEARNER), ProgramRole.MENTOR));

		assertThat(again).isEqualTo(first);
		assertThat(first.displayName()).isEqualTo("Ari Osei");
		assertThat(first.courseTitle()).isEqualTo("Title of course-a");
		assertThat(first.programRole()).isEqualTo(ProgramRole.MENTOR);
		assertThat(count("SELECT COUNT(*) FROM person WHERE subject = ?", subject)).isEqualTo(1);
	}

	@Test
	void shouldFollowRoleChangesButKeepAProgramRoleStaffSet() {
		String subject = "p-" + System.nanoTime();
		Member member = this.people.arrive(arrival(subject, "course-b", Set.of(CourseRole.LEARNER), ProgramRole.MENTOR));
		this.jdbc.sql("UPDATE membership SET program_role = 'STAFF' WHERE person_id = ?").param(member.person().value()).update();

		Member later = this.people.arrive(arrival(subject, "course-b", Set.of(CourseRole.INSTRUCTOR), ProgramRole.MENTEE));

		assertThat(later.courseRoles()).containsExactly(CourseRole.INSTRUCTOR);
		assertThat(later.programRole()).isEqualTo(ProgramRole.STAFF);
		assertThat(later.isStaff()).isTrue();
	}

	@Test
	void shouldKeepANameThePlatformStopsSharing() {
		String subject = "p-" + System.nanoTime();
		this.people.arrive(arrival(subject, "course-c", Set.of(), null));

		Member anonymous = this.people.arrive(new Arrival("https://platform.example", subject, null, null, "course-c", null,
				null, Set.of(), null));

		assertThat(anonymous.displayName()).isEqualTo("Ari Osei");
		assertThat(anonymous.courseTitle()).isEqualTo("Title of course-c");
	}

	@Test
	void shouldTellIdentitiesApartExactly() {
		String suffix = "-" + System.nanoTime();
		Member upper = this.people.arrive(arrival("Alice" + suffix, "course-d", Set.of(), null));
		Member lower = this.people.arrive(arrival("alice" + suffix, "course-d", Set.of(), null));
		Member accent = this.people.arrive(arrival("alicé" + suffix, "course-d", Set.of(), null));

		assertThat(Set.of(upper.person(), lower.person(), accent.person())).hasSize(3);
	}

	@Test
	void shouldRecordAPersonWithoutACourse() {
		Member member = this.people.arrive(new Arrival("https://platform.example", "p-" + System.nanoTime(), "No Course",
				null, null, null, null, Set.of(CourseRole.ADMINISTRATOR), ProgramRole.STAFF));

		assertThat(member.course()).isNull();
		assertThat(member.isStaff()).isTrue();
	}

	private long count(String sql, String param) {
		return this.jdbc.sql(sql).param(param).query(Long.class).single();
	}

	@Test
	void shouldAnnounceACourseOnlyTheFirstTimeSomeoneArrivesInIt() {
		String course = "course-" + UUID.randomUUID();

		Member first = this.people.arrive(arrival("first-" + UUID.randomUUID(), course, Set.of(CourseRole.LEARNER), null));
		this.people.arrive(arrival("second-" + UUID.randomUUID(), course, Set.of(CourseRole.LEARNER), null));
		this.people.arrive(arrival("first-" + UUID.randomUUID(), null, Set.of(CourseRole.LEARNER), null));

		assertThat(this.events.stream(CourseAppeared.class)).containsExactly(new CourseAppeared(first.course()));
	}

	@Test
	void shouldWriteOnlyWhatAnArrivalIntoAKnownCourseChanges() {
		String course = "course-" + UUID.randomUUID();
		String subject = "p-" + UUID.randomUUID();
		this.people.arrive(arrival("someone-" + UUID.randomUUID(), course, Set.of(CourseRole.LEARNER), null));
		this.people.arrive(arrival(subject, "elsewhere-" + UUID.randomUUID(), Set.of(CourseRole.LEARNER), null));

		// Known person and known course, new membership, no name or title sent: the stored ones stand.
		Member member = this.people.arrive(new Arrival("https://platform.example", subject, null, null, course, null,
				null, Set.of(CourseRole.LEARNER), ProgramRole.MENTEE));
		assertThat(member.displayName()).isEqualTo("Ari Osei");
		assertThat(member.courseTitle()).isEqualTo("Title of " + course);
		assertThat(member.programRole()).isEqualTo(ProgramRole.MENTEE);
		assertThat(count("SELECT COUNT(*) FROM membership m JOIN person p ON p.id = m.person_id WHERE p.subject = ?",
				subject)).isEqualTo(2);

		// A new title is written; a role staff set stays.
		this.jdbc.sql("UPDATE membership SET program_role = 'MENTOR' WHERE person_id = ? AND course_id = ?")
			.params(member.person().value(), member.course().value()).update();
		Member renamed = this.people.arrive(new Arrival("https://platform.example", subject, null, null, course,
				"Renamed", null, Set.of(CourseRole.LEARNER), ProgramRole.MENTEE));
		assertThat(renamed.courseTitle()).isEqualTo("Renamed");
		assertThat(renamed.programRole()).isEqualTo(ProgramRole.MENTOR);
		assertThat(this.jdbc.sql("SELECT title FROM course WHERE id = ?").param(member.course().value())
			.query(String.class).single()).isEqualTo("Renamed");
	}

	private static Arrival arrival(String subject, String course, Set<CourseRole> roles, ProgramRole role) {
		return new Arrival("https://platform.example", subject, "Ari Osei", "ari@example.edu", course, "Title of " + course,
				null, roles, role);
	}

}
