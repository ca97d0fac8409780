package org.coachapproach.matching;

import java.util.LinkedHashMap;
import java.util.Map;

import org.coachapproach.TestLaunches;
import org.coachapproach.lti.Browser;
import org.coachapproach.lti.TestPlatform;
import org.coachapproach.lti.registration.Registrations;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Signs people into one course of the test's own with a program role, through real launches ({@link TestLaunches}). */
final class ProgramLaunch {

	static final String LEARNER = TestLaunches.LEARNER;

	static final String ADMINISTRATOR = TestLaunches.ADMINISTRATOR;

	static final String INSTRUCTOR = TestLaunches.INSTRUCTOR;

	private final TestLaunches launches;

	private final String contextId;

	ProgramLaunch(TestPlatform platform, int port, Registrations registrations, String contextId) {
		this.launches = new TestLaunches(platform, registrations, port).inCourse(contextId, "Matching course", "MC");
		this.contextId = contextId;
	}

	Browser mentor(String subject, String name) {
		return launch(subject, name, LEARNER, "mentor");
	}

	Browser mentee(String subject, String name) {
		return launch(subject, name, LEARNER, "mentee");
	}

	Browser staff(String subject, String name) {
		return launch(subject, name, ADMINISTRATOR, "staff");
	}

	Browser launch(String subject, String name, String role, String programRole) {
		return launch(subject, name, role, programRole, "dana@example.edu");
	}

	/** A launch whose platform sends this email address ({@code null}: none). */
	Browser launch(String subject, String name, String role, String programRole, String email) {
		return this.launches.launch(subject, name, role, programRole, email);
	}

	/**
	 * The mentor and mentee (already launched) send matching intakes, staff run the matching
	 * and publish it; returns the published pair.
	 */
	long publishPair(Browser mentor, Browser mentee, Browser staff, JdbcClient jdbc) {
		assertThat(mentor.post(tool("/matching/intake"), MatchingTests.intake("cardiology", "woman", "none", false, "1", null))
			.statusCode()).isEqualTo(302);
		assertThat(mentee.post(tool("/matching/intake"), MatchingTests.intake("cardiology", "man", "none", false, null, null))
			.statusCode()).isEqualTo(302);
		staff.post(tool("/matching/run"), Map.of());
		long proposal = jdbc.sql("""
				SELECT MAX(p.id) FROM matching_proposal p JOIN course c ON c.id = p.course_id WHERE c.context_id = ?""")
			.param(this.contextId).query(Long.class).single();
		assertThat(staff.post(tool("/matching/publish"), Map.of("proposal", "" + proposal)).statusCode()).isEqualTo(302);
		return jdbc.sql("SELECT id FROM matching_pair WHERE proposal_id = ?").param(proposal).query(Long.class).single();
	}

	/** The id of the person of this display name in the course. */
	long person(JdbcClient jdbc, String name) {
		return jdbc.sql("""
				SELECT p.id FROM person p JOIN membership m ON m.person_id = p.id JOIN course c ON c.id = m.course_id
				WHERE p.display_name = ? AND c.context_id = ?""")
			.params(name, this.contextId)
			.query(Long.class)
			.single();
	}

	/** The meeting log form; {@code note} may be {@code null}. */
	static Map<String, String> meeting(String date, String minutes, String topics, String note) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("metOn", date);
		form.put("duration", minutes);
		form.put("format", "VIDEO");
		form.put("topics", topics);
		form.put("behaviours", "active-listening");
		if (note != null) {
			form.put("note", note);
		}
		return form;
	}

	String tool(String path) {
		return this.launches.tool(path);
	}

}
