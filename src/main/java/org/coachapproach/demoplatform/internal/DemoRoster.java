package org.coachapproach.demoplatform.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * The demo course and its four people. Ids and subjects never change, so the tool sees the
 * same people across restarts and fresh databases.
 */
@Component
@ConditionalOnBooleanProperty("coachapproach.demo.enabled")
public class DemoRoster {

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

	public DemoCourse course() {
		return COURSE;
	}

	public Optional<DemoCourse> course(String id) {
		return COURSE.id().equals(id) ? Optional.of(COURSE) : Optional.empty();
	}

	public List<DemoPerson> people() {
		return PEOPLE;
	}

	public Optional<DemoPerson> person(String id) {
		return PEOPLE.stream().filter(person -> person.id().equals(id)).findFirst();
	}

}
