package org.coachapproach.matching;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.coachapproach.lti.Browser;
import org.coachapproach.lti.TestPlatform;
import org.coachapproach.lti.registration.Registrations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Intake, staff matching and publication over real HTTP, everyone signed in by a real launch
 * into a course of the test's own.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(MatchingTests.Published.class)
class MatchingTests {

	static TestPlatform platform;

	@LocalServerPort
	int port;

	@Autowired
	Registrations registrations;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Published events;

	ProgramLaunch launcher;

	String contextId;

	@BeforeAll
	static void startPlatform() throws Exception {
		platform = new TestPlatform();
	}

	@AfterAll
	static void stopPlatform() {
		platform.close();
	}

	@BeforeEach
	void newCourse() {
		this.contextId = "matching-" + UUID.randomUUID();
		this.launcher = new ProgramLaunch(platform, this.port, this.registrations, this.contextId);
	}

	@Test
	void shouldKeepAnIntakeAndShowItOnlyToItsPerson() {
		Browser mentee = this.launcher.mentee("mentee-" + UUID.randomUUID(), "Mina Mentee");
		Browser other = this.launcher.mentee("mentee-" + UUID.randomUUID(), "Otto Other");

		HttpResponse<String> form = mentee.get(tool("/matching/intake"));
		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(form.body()).contains("Mentee matching questionnaire").contains("Cardiology")
			.doesNotContain("name=\"capacity\"");

		HttpResponse<String> saved = mentee.post(tool("/matching/intake"),
				intake("cardiology", "woman", "same", true, null, "Sailing"));
		assertThat(saved.statusCode()).isEqualTo(302);
		String again = mentee.follow(saved).body();
		assertThat(again).contains("Your answers are saved").containsPattern("value=\"cardiology\"\\s+checked")
			.contains("value=\"Sailing\"");
		assertThat(other.get(tool("/matching/intake")).body()).doesNotContain("Sailing")
			.doesNotContainPattern("value=\"cardiology\"\\s+checked");
		// Staff doing the matching read it, free text included; another learner cannot.
		Browser staff = this.launcher.staff("staff-" + UUID.randomUUID(), "Sam Staff");
		String answers = staff.get(tool("/matching/intakes/" + person("Mina Mentee"))).body();
		assertThat(answers).contains("Matching answers of Mina Mentee").contains("Cardiology")
			.contains("In their own words: Sailing").contains("Prefers the same");
		assertThat(other.get(tool("/matching/intakes/" + person("Mina Mentee"))).statusCode()).isEqualTo(403);
		assertThat(mentee.get(tool("/matching")).statusCode()).isEqualTo(403);
	}

	@Test
	void shouldRefuseUnknownOptionsAndCapacityOutOfRangeAndSaveNothing() {
		Browser mentor = this.launcher.mentor("mentor-" + UUID.randomUUID(), "Mo Mentor");
		Browser staff = this.launcher.staff("staff-" + UUID.randomUUID(), "Sam Staff");

		Map<String, String> unknown = intake("astrology", "woman", "same", false, "2", null);
		HttpResponse<String> refused = mentor.post(tool("/matching/intake"), unknown);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("Nothing was saved").contains("Specialty: &quot;astrology&quot; is not one of the options.");

		for (String capacity : List.of("4", "-1", "two", "")) {
			HttpResponse<String> bad = mentor.post(tool("/matching/intake"), intake("cardiology", "woman", "same", false,
					capacity, null));
			assertThat(bad.statusCode()).as(capacity).isEqualTo(400);
			assertThat(bad.body()).as(capacity).containsAnyOf("The number of mentees must be 0, 1, 2 or 3",
					"Say how many mentees you can take");
		}
		Map<String, String> requirementWithoutPreference = intake("cardiology", "woman", "none", true, "1", null);
		assertThat(mentor.post(tool("/matching/intake"), requirementWithoutPreference).body())
			.contains("Gender identity: a requirement needs a preference");
		Map<String, String> twoDivisions = intake("cardiology", "woman", "same", false, "1", null);
		twoDivisions.put("division.options", "nephrology");
		HttpResponse<String> two = mentor.post(tool("/matching/intake") + "?division.options=rheumatology", twoDivisions);
		assertThat(two.statusCode()).isEqualTo(400);
		assertThat(two.body()).contains("Division: choose one option only.");

		Map<String, String> sideways = intake("cardiology", "woman", "sideways", false, "1", null);
		assertThat(mentor.post(tool("/matching/intake"), sideways).body())
			.contains("Gender identity: choose same, different or no preference.");

		assertThat(count("matching_intake")).isZero();
		assertThat(staff.get(tool("/matching")).body()).contains("0 mentees and 0 mentors");
	}

	@Test
	void shouldProposeExplainLockAndPublishAndTellBothPeople() {
		String mentorA = "mentor-" + UUID.randomUUID();
		String mentorB = "mentor-" + UUID.randomUUID();
		Browser cardiologist = this.launcher.mentor(mentorA, "Ada Cardio");
		Browser nephrologist = this.launcher.mentor(mentorB, "Ben Nephro");
		Browser wantsWoman = this.launcher.mentee("mentee-" + UUID.randomUUID(), "Cleo Mentee");
		Browser wantsCardio = this.launcher.mentee("mentee-" + UUID.randomUUID(), "Dev Mentee");
		Browser staff = this.launcher.staff("staff-" + UUID.randomUUID(), "Sam Staff");

		assertThat(cardiologist.post(tool("/matching/intake"), intake("cardiology", "woman", "none", false, "1", null))
			.statusCode()).isEqualTo(302);
		assertThat(nephrologist.post(tool("/matching/intake"), intake("nephrology", "man", "none", false, "2", null))
			.statusCode()).isEqualTo(302);
		// Cleo requires a woman mentor; Dev wishes for a cardiologist.
		assertThat(wantsWoman.post(tool("/matching/intake"), intake("nephrology", "woman", "same", true, null, null))
			.statusCode()).isEqualTo(302);
		Map<String, String> dev = intake("cardiology", "man", "none", false, null, null);
		dev.put("specialty.direction", "same");
		assertThat(wantsCardio.post(tool("/matching/intake"), dev).statusCode()).isEqualTo(302);

		HttpResponse<String> run = staff.post(tool("/matching/run"), Map.of());
		assertThat(run.statusCode()).isEqualTo(302);
		String page = staff.follow(run).body();
		// Both matched: the requirement wins Ada for Cleo, so Dev gets Ben despite wishing for cardiology.
		assertThat(page).contains("Proposed pairs (2)").contains("Mentee requires".isEmpty() ? "" : "Mentee wants the same Gender identity")
			.contains("(requirement)").contains("Mentee wants the same Specialty").contains("not met");
		assertThat(pairsIn(page)).containsExactly("Cleo Mentee|Ada Cardio", "Dev Mentee|Ben Nephro");

		// Locking Dev to Ada breaks nothing of Dev's but leaves Cleo without a mentor meeting her requirement.
		long dev_ = person("Dev Mentee");
		long ada = person("Ada Cardio");
		long cleo = person("Cleo Mentee");
		long ben = person("Ben Nephro");
		HttpResponse<String> against = staff.post(tool("/matching/rules"),
				Map.of("mentee", "" + cleo, "mentor", "" + ben, "kind", "LOCK"));
		assertThat(against.statusCode()).isEqualTo(400);
		assertThat(against.body()).contains("This pair breaks a requirement");
		assertThat(count("matching_pair_rule")).isZero();
		assertThat(staff.post(tool("/matching/rules"), Map.of("mentee", "" + dev_, "mentor", "" + ada, "kind", "LOCK"))
			.statusCode()).isEqualTo(302);
		String rerun = staff.follow(staff.post(tool("/matching/run"), Map.of())).body();
		assertThat(pairsIn(rerun)).containsExactly("Dev Mentee|Ada Cardio");
		assertThat(rerun).contains("Mentees without a mentor (1)").contains("No mentor with room meets the requirements")
			.contains("(rules out 1 of the mentors with room)");

		// Staff change their mind: remove the lock, exclude nothing, run and publish.
		long rule = this.jdbc.sql("SELECT id FROM matching_pair_rule WHERE mentee_id = ?").param(dev_).query(Long.class).single();
		assertThat(staff.post(tool("/matching/rules/" + rule + "/delete"), Map.of()).statusCode()).isEqualTo(302);
		staff.post(tool("/matching/run"), Map.of());
		long proposal = this.jdbc.sql("SELECT MAX(id) FROM matching_proposal").query(Long.class).single();
		assertThat(staff.post(tool("/matching/publish"), Map.of("proposal", "" + (proposal - 1))).statusCode()).isEqualTo(400);
		HttpResponse<String> published = staff.post(tool("/matching/publish"), Map.of("proposal", "" + proposal));
		assertThat(published.statusCode()).isEqualTo(302);
		assertThat(staff.follow(published).body()).contains("The matches are published");
		assertThat(this.events.seen.stream().filter(e -> e.mentee().value() == cleo || e.mentee().value() == dev_))
			.extracting(e -> e.mentor().value()).containsExactlyInAnyOrder(ada, ben);

		assertThat(wantsWoman.get(tool("/")).body()).contains("You have been matched with Ada Cardio");
		assertThat(cardiologist.get(tool("/")).body()).contains("You have been matched with Cleo Mentee");
		// A published mentee's answers are frozen.
		assertThat(wantsWoman.post(tool("/matching/intake"), intake("nephrology", "woman", "none", false, null, null))
			.statusCode()).isEqualTo(400);

		// A mentee who answers later is placed around the published pairs, which stay as they are.
		Browser late = this.launcher.mentee("mentee-" + UUID.randomUUID(), "Eli Late");
		assertThat(late.post(tool("/matching/intake"), intake("cardiology", "man", "none", false, null, null)).statusCode())
			.isEqualTo(302);
		String later = staff.follow(staff.post(tool("/matching/run"), Map.of())).body();
		assertThat(pairsIn(later)).containsExactly("Cleo Mentee|Ada Cardio", "Dev Mentee|Ben Nephro", "Eli Late|Ben Nephro");
		assertThat(later).contains("Published");
		assertThat(staff.post(tool("/matching/rules"), Map.of("mentee", "" + cleo, "mentor", "" + ben, "kind", "EXCLUDE"))
			.body()).contains("This mentee already has a published mentor");

		// Staff end a pair: its mentee is matched afresh (here: nobody else meets Cleo's requirement).
		long cleoPair = this.jdbc.sql("SELECT id FROM matching_pair WHERE mentee_id = ? AND ended_at IS NULL").param(cleo)
			.query(Long.class).single();
		assertThat(staff.post(tool("/matching/pairs/" + cleoPair + "/end"), Map.of()).statusCode()).isEqualTo(302);
		assertThat(wantsWoman.get(tool("/")).body()).doesNotContain("Ada Cardio");
		assertThat(pairsIn(staff.follow(staff.post(tool("/matching/run"), Map.of())).body()))
			.contains("Cleo Mentee|Ada Cardio", "Dev Mentee|Ben Nephro");
	}

	@Test
	void shouldLockAPairAgainstARequirementOnlyWithARecordedReason() {
		Browser mentor = this.launcher.mentor("mentor-" + UUID.randomUUID(), "Max Mentor");
		Browser mentee = this.launcher.mentee("mentee-" + UUID.randomUUID(), "Wren Mentee");
		Browser staff = this.launcher.staff("staff-" + UUID.randomUUID(), "Sam Staff");
		mentor.post(tool("/matching/intake"), intake("cardiology", "man", "none", false, "1", null));
		mentee.post(tool("/matching/intake"), intake("cardiology", "woman", "same", true, null, null));
		Map<String, String> lock = new LinkedHashMap<>(Map.of("mentee", "" + person("Wren Mentee"), "mentor",
				"" + person("Max Mentor"), "kind", "LOCK"));

		String unmatched = staff.follow(staff.post(tool("/matching/run"), Map.of())).body();
		assertThat(unmatched).contains("Mentees without a mentor (1)").contains("(rules out 1 of the mentors with room)");
		lock.put("reason", "   ");
		assertThat(staff.post(tool("/matching/rules"), lock).statusCode()).isEqualTo(400);
		lock.put("reason", "Wren asked for Max after the spring retreat");
		assertThat(staff.post(tool("/matching/rules"), lock).statusCode()).isEqualTo(302);
		assertThat(this.jdbc.sql("SELECT reason FROM matching_pair_rule WHERE mentee_id = ?").param(person("Wren Mentee"))
			.query(String.class).single()).isEqualTo("Wren asked for Max after the spring retreat");

		String forced = staff.follow(staff.post(tool("/matching/run"), Map.of())).body();
		assertThat(pairsIn(forced)).containsExactly("Wren Mentee|Max Mentor");
		assertThat(forced).contains("Locked").contains("Reason: Wren asked for Max after the spring retreat")
			.contains("Mentee wants the same Gender identity").contains("not met");
	}

	@Test
	void shouldNeverMeetAPreferenceWithPreferNotToSay() {
		Browser mentor = this.launcher.mentor("mentor-" + UUID.randomUUID(), "Nia Mentor");
		Browser mentee = this.launcher.mentee("mentee-" + UUID.randomUUID(), "Kai Mentee");
		Browser staff = this.launcher.staff("staff-" + UUID.randomUUID(), "Sam Staff");
		Map<String, String> undisclosed = intake("cardiology", "woman", "none", false, "1", null);
		undisclosed.put("race-ethnicity.options", "not-said");
		mentor.post(tool("/matching/intake"), undisclosed);
		Map<String, String> requiresSame = intake("cardiology", "woman", "none", false, null, null);
		requiresSame.put("race-ethnicity.options", "not-said");
		requiresSame.put("race-ethnicity.direction", "same");
		requiresSame.put("race-ethnicity.required", "on");
		mentee.post(tool("/matching/intake"), requiresSame);

		String page = staff.follow(staff.post(tool("/matching/run"), Map.of())).body();
		assertThat(pairsIn(page)).isEmpty();
		assertThat(page).contains("No mentor with room meets the requirements")
			.contains("Mentee wants the same Race and ethnicity");
	}

	@Test
	void shouldRefuseTheStaffPageAndActionsToMentorsAndMentees() {
		Browser mentor = this.launcher.mentor("mentor-" + UUID.randomUUID(), "Mo Mentor");
		assertThat(mentor.get(tool("/matching")).statusCode()).isEqualTo(403);
		assertThat(mentor.post(tool("/matching/run"), Map.of()).statusCode()).isEqualTo(403);
		assertThat(count("matching_proposal")).isZero();
	}

	@Test
	void shouldEndStaffPowersWhenThePlatformNoLongerMakesThePersonAnInstructorOrAdministrator() {
		Browser mentee = this.launcher.mentee("mentee-" + UUID.randomUUID(), "Mina Mentee");
		assertThat(mentee.post(tool("/matching/intake"), intake("cardiology", "woman", "same", true, null, "Sailing"))
			.statusCode()).isEqualTo(302);
		String intake = tool("/matching/intakes/" + person("Mina Mentee"));
		for (String role : List.of(ProgramLaunch.INSTRUCTOR, ProgramLaunch.ADMINISTRATOR)) {
			String subject = "staff-" + UUID.randomUUID();
			Browser staff = this.launcher.launch(subject, "Sam Staff", role, "staff");
			assertThat(staff.get(intake).body()).as(role).contains("In their own words: Sailing");

			// Later the platform launches the same person as a learner of the course: the staff
			// flag they were given stays recorded, but no longer gives staff's pages.
			Browser learner = this.launcher.launch(subject, "Sam Staff", ProgramLaunch.LEARNER, "mentor");
			assertThat(learner.get(tool("/matching")).statusCode()).as(role).isEqualTo(403);
			HttpResponse<String> answers = learner.get(intake);
			assertThat(answers.statusCode()).as(role).isEqualTo(403);
			assertThat(answers.body()).doesNotContain("Sailing");
			assertThat(learner.post(tool("/matching/run"), Map.of()).statusCode()).as(role).isEqualTo(403);
			assertThat(learner.get(tool("/course/surveys/report")).statusCode()).as(role).isEqualTo(403);
		}
		assertThat(count("matching_proposal")).isZero();
	}

	@Test
	void shouldKeepAnotherCourseStaffAndPeopleOutOfThisCourseIntakesAndPairs() {
		Browser mentor = this.launcher.mentor("mentor-" + UUID.randomUUID(), "Mo Mentor");
		Browser mentee = this.launcher.mentee("mentee-" + UUID.randomUUID(), "Mina Mentee");
		Browser staff = this.launcher.staff("staff-" + UUID.randomUUID(), "Sam Staff");
		long pair = this.launcher.publishPair(mentor, mentee, staff, this.jdbc);
		long menteeId = person("Mina Mentee");
		ProgramLaunch other = new ProgramLaunch(platform, this.port, this.registrations, "matching-other-" + UUID.randomUUID());
		Browser otherStaff = other.staff("staff-" + UUID.randomUUID(), "Olga Otherstaff");
		Browser otherMentor = other.mentor("mentor-" + UUID.randomUUID(), "Oren Othermentor");

		HttpResponse<String> intake = otherStaff.get(tool("/matching/intakes/" + menteeId));
		assertThat(intake.statusCode()).as("no intake of that person in this course").isEqualTo(404);
		assertThat(intake.body()).doesNotContain("Mina Mentee").doesNotContain("Cardiology");
		assertThat(otherStaff.post(tool("/matching/pairs/" + pair + "/end"), Map.of()).statusCode()).isEqualTo(400);
		for (Browser outsider : List.of(otherStaff, otherMentor)) {
			HttpResponse<String> page = outsider.get(tool("/matching/pairs/" + pair));
			assertThat(page.statusCode()).isEqualTo(403);
			assertThat(page.body()).doesNotContain("Mina Mentee").doesNotContain("Mo Mentor");
			assertThat(outsider.post(tool("/matching/pairs/" + pair + "/meetings"), Map.of("metOn",
					java.time.LocalDate.now().toString(), "duration", "30", "format", "VIDEO")).statusCode()).isEqualTo(403);
			assertThat(outsider.get(tool("/matching/pairs/" + pair + "/times/1/invitation.ics")).statusCode()).isEqualTo(403);
		}
		assertThat(this.jdbc.sql("SELECT ended_at IS NULL FROM matching_pair WHERE id = ?").param(pair).query(Boolean.class)
			.single()).isTrue();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM matching_meeting WHERE pair_id = ?").param(pair).query(Long.class)
			.single()).isZero();
	}

	/** Collects the matches published on any thread (requests run on the server's). */
	@TestConfiguration
	static class Published {

		final java.util.Queue<MatchPublished> seen = new java.util.concurrent.ConcurrentLinkedQueue<>();

		@EventListener
		void on(MatchPublished event) {
			this.seen.add(event);
		}

	}

	private List<String> pairsIn(String page) {
		java.util.regex.Matcher row = java.util.regex.Pattern
			.compile("<th scope=\"row\"><a [^>]*>([^<]+)</a></th>\\s*<td><a [^>]*>([^<]+)</a></td>")
			.matcher(page.substring(0, page.contains("Mentees without") ? page.indexOf("Mentees without") : page.length()));
		List<String> pairs = new java.util.ArrayList<>();
		while (row.find()) {
			pairs.add(row.group(1) + "|" + row.group(2));
		}
		return pairs;
	}

	/** An intake: specialty and gender identity answered, a gender preference, the rest left open. */
	static Map<String, String> intake(String specialty, String gender, String genderDirection, boolean genderRequired,
			String capacity, String other) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("division.options", "general-internal-medicine");
		form.put("specialty.options", specialty);
		form.put("gender-identity.options", gender);
		form.put("gender-identity.direction", genderDirection);
		if (genderRequired) {
			form.put("gender-identity.required", "on");
		}
		if (capacity != null) {
			form.put("capacity", capacity);
		}
		if (other != null) {
			form.put("non-professional-interests.other", other);
		}
		return form;
	}

	private long person(String name) {
		return this.jdbc.sql("""
				SELECT p.id FROM person p JOIN membership m ON m.person_id = p.id JOIN course c ON c.id = m.course_id
				WHERE p.display_name = ? AND c.context_id = ?""")
			.params(name, this.contextId)
			.query(Long.class)
			.single();
	}

	private long count(String table) {
		return this.jdbc.sql("SELECT COUNT(*) FROM " + table + " t JOIN course c ON c.id = t.course_id WHERE c.context_id = ?")
			.param(this.contextId)
			.query(Long.class)
			.single();
	}

	private String tool(String path) {
		return this.launcher.tool(path);
	}

}
