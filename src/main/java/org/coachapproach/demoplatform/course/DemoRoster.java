package org.coachapproach.demoplatform.course;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * The demo course: its four people, who can launch the tool from the home page, and a cohort
 * of clearly synthetic learners (43 mentors and 37 mentees, the sizes of the assessment demo
 * cohort, plus one inactive and one deleted member) that only the roster (names and roles)
 * shows, so that it spans several pages. Ids and subjects never change, so the tool sees the
 * same people across restarts and fresh databases.
 */
@Component
@ConditionalOnBooleanProperty("coachapproach.demo.enabled")
public class DemoRoster {

	public static final int SYNTHETIC_MENTORS = 43;

	public static final int SYNTHETIC_MENTEES = 37;

	private static final DemoCourse COURSE = new DemoCourse("coach-approach", "c5d3a0e2-7b1f-4d9a-8e62-3f0b9c4a1d57",
			"CA 101", "Coach Approach — Demo Course", "9e4b7c21-5a3d-4f08-b6e1-2d7c8a9f0b34");

	private static final List<DemoPerson> PEOPLE = List.of(
			new DemoPerson("mentor", "7f3a9c2e-41b8-4d6f-a0e5-8c1d2b3f4a51", "Amara", "Okafor", "amara.okafor@example.edu",
					List.of(DemoPerson.LEARNER), "mentor"),
			new DemoPerson("mentee", "2b8e5d14-9c7a-4e3f-b1d6-0a4f6e8c2d72", "Daniel", "Reyes", "daniel.reyes@example.edu",
					List.of(DemoPerson.LEARNER), "mentee"),
			new DemoPerson("instructor", "c41f7a93-2e6d-4b85-9f0a-5d3e1c7b8a16", "Priya", "Raman",
					"priya.raman@example.edu", List.of(DemoPerson.INSTRUCTOR), null),
			new DemoPerson("staff", "e9d2c6b0-8a14-4f7e-93c5-1b6a0d4e7f28", "Margaret", "Lindqvist",
					"margaret.lindqvist@example.edu", List.of(DemoPerson.INSTRUCTOR, DemoPerson.ADMINISTRATOR), "staff"));

	private static final List<DemoPerson> MEMBERS = enrolled();

	public DemoCourse course() {
		return COURSE;
	}

	public Optional<DemoCourse> course(String id) {
		return COURSE.id().equals(id) ? Optional.of(COURSE) : Optional.empty();
	}

	/** The four people of the home page. */
	public List<DemoPerson> people() {
		return PEOPLE;
	}

	public Optional<DemoPerson> person(String id) {
		return PEOPLE.stream().filter(person -> person.id().equals(id)).findFirst();
	}

	/** Everyone enrolled, in roster order: the four people, then the synthetic cohort. */
	public List<DemoPerson> members() {
		return MEMBERS;
	}

	/** The member the tool knows by {@code subject} (its LTI user id). */
	public Optional<DemoPerson> memberBySubject(String subject) {
		return MEMBERS.stream().filter(member -> member.subject().equals(subject)).findFirst();
	}

	private static List<DemoPerson> enrolled() {
		List<DemoPerson> members = new ArrayList<>(PEOPLE);
		for (int i = 1; i <= SYNTHETIC_MENTORS; i++) {
			members.add(synthetic("synthetic-mentor-%02d".formatted(i), "Mentor %02d".formatted(i), "mentor",
					DemoPerson.ACTIVE));
		}
		for (int i = 1; i <= SYNTHETIC_MENTEES; i++) {
			members.add(synthetic("synthetic-mentee-%02d".formatted(i), "Mentee %02d".formatted(i), "mentee",
					DemoPerson.ACTIVE));
		}
		members.add(synthetic("synthetic-inactive-01", "Inactive 01", "mentee", "Inactive"));
		members.add(synthetic("synthetic-deleted-01", "Deleted 01", "mentee", "Deleted"));
		return List.copyOf(members);
	}

	private static DemoPerson synthetic(String id, String familyName, String programRole, String status) {
		String subject = UUID.nameUUIDFromBytes(("coach-approach-demo:" + id).getBytes(StandardCharsets.UTF_8)).toString();
		return new DemoPerson(id, subject, "Synthetic", familyName, id + "@example.invalid", List.of(DemoPerson.LEARNER),
				programRole, status);
	}

}
