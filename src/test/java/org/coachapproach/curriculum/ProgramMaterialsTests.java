package org.coachapproach.curriculum;

import org.coachapproach.curriculum.internal.CurriculumLoader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.coachapproach.people.CourseId;
import org.coachapproach.people.CourseRole;
import org.coachapproach.people.Member;
import org.coachapproach.people.PersonId;
import org.coachapproach.people.ProgramRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The facilitator guides, handouts and mentee orientation: the real ones, then a copy of the
 * curriculum broken one way at a time; and who may read each.
 */
class ProgramMaterialsTests {

	@TempDir
	Path copy;

	@BeforeEach
	void copyRealCurriculum() throws IOException {
		CurriculumCopy.into(this.copy);
	}

	@Test
	void shouldLoadAGuideForEverySessionTheHandoutsAndTheOrientation() {
		Curriculum curriculum = CurriculumLoader.load(Path.of("curriculum"));
		ProgramMaterials materials = curriculum.materials();

		assertThat(materials.facilitatorGuides()).extracting(ProgramMaterials.FacilitatorGuide::sessionId)
			.containsExactlyInAnyOrderElementsOf(curriculum.sessions().stream().map(TrainingSession::id).toList());
		assertThat(materials.facilitatorGuide("session-02").orElseThrow().body()).contains("Advice mode versus coach mode");
		assertThat(materials.facilitatorGuide("session-05").orElseThrow().body()).contains("## Demonstrations");
		assertThat(materials.handouts()).extracting(ProgramMaterials.Handout::id)
			.contains("alliance-template", "question-bank", "confidentiality-statement");
		assertThat(materials.handoutsFor("session-03")).extracting(ProgramMaterials.Handout::id)
			.contains("alliance-template", "confidentiality-statement");
		assertThat(materials.menteeOrientation().body()).contains("## How to use the meeting log");
	}

	@Test
	void shouldKeepEveryGuidesRunOfTheSessionInStepWithItsAgenda() {
		Curriculum curriculum = CurriculumLoader.load(Path.of("curriculum"));

		for (TrainingSession session : curriculum.sessions()) {
			String guide = curriculum.materials().facilitatorGuide(session.id()).orElseThrow().body();
			List<Integer> minutes = guide.lines()
				.filter(l -> l.matches("\\| \\d:\\d\\d \\| \\d+ \\|.*"))
				.map(l -> Integer.valueOf(l.split("\\|")[2].strip()))
				.toList();
			assertThat(minutes).as(session.id()).isEqualTo(session.agenda().stream().map(a -> a.minutes()).toList());
		}
	}

	@Test
	void shouldRefuseToStartWithoutAGuideForASessionNamingTheFileToAdd() throws IOException {
		Files.delete(this.copy.resolve("facilitator/session-04.md"));

		assertThat(problems()).anySatisfy(p -> {
			assertThat(p.file()).isEqualTo("facilitator");
			assertThat(p.message()).isEqualTo("session 'session-04' has no facilitator guide: add facilitator/session-04.md");
		});
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		assertThat(CurriculumCheck.run(this.copy, new PrintStream(out), new PrintStream(err))).isEqualTo(1);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("facilitator/session-04.md");
	}

	@Test
	void shouldRefuseAGuideForAnUnknownSession() throws IOException {
		edit("facilitator/session-03.md", "session: session-03", "session: session-09");

		assertThat(problems()).anySatisfy(p -> {
			assertThat(p.file()).isEqualTo("facilitator/session-03.md");
			assertThat(p.line()).isEqualTo(2);
			assertThat(p.message()).isEqualTo("unknown session 'session-09' in 'session'");
		});
	}

	@Test
	void shouldRefuseAGuideWhoseSessionDoesNotMatchItsFile() throws IOException {
		edit("facilitator/session-03.md", "session: session-03", "session: session-05");

		assertThat(problems()).anySatisfy(p -> {
			assertThat(p.file()).isEqualTo("facilitator/session-03.md");
			assertThat(p.message()).isEqualTo("session 'session-05' must match the file name (session-05.md)");
		});
	}

	@Test
	void shouldRefuseAGuideWithoutOneOfTheSections() throws IOException {
		edit("facilitator/session-06.md", "## Room and Zoom setup", "## Setting up");

		assertThat(problems()).anySatisfy(p -> {
			assertThat(p.file()).isEqualTo("facilitator/session-06.md");
			assertThat(p.message()).startsWith("the guide has no '## Room and Zoom setup' section");
		});
	}

	@Test
	void shouldRefuseMarkdownTheGuidePageWouldShowAsRawText() throws IOException {
		edit("facilitator/session-01.md", "Table: Session 1, minute by minute\n\n", "");

		assertThat(problems()).anySatisfy(p -> {
			assertThat(p.file()).isEqualTo("facilitator/session-01.md");
			assertThat(p.message()).containsIgnoringCase("caption");
		});
	}

	@Test
	void shouldRefuseAHandoutForAnUnknownSession() throws IOException {
		edit("handouts/question-bank.md", "sessions: [session-02,", "sessions: [session-12,");

		assertThat(problems()).anySatisfy(p -> {
			assertThat(p.file()).isEqualTo("handouts/question-bank.md");
			assertThat(p.line()).isEqualTo(4);
			assertThat(p.message()).isEqualTo("unknown session 'session-12'");
		});
	}

	@Test
	void shouldRefuseAHandoutWhoseIdDoesNotMatchItsFile() throws IOException {
		edit("handouts/question-bank.md", "id: question-bank", "id: questions");

		assertThat(problems()).anySatisfy(p -> assertThat(p.message())
			.isEqualTo("id 'questions' must match the file name (questions.md)"));
	}

	@Test
	void shouldRefuseAHandoutWithoutContentOrSessions() throws IOException {
		Files.writeString(this.copy.resolve("handouts/empty.md"), "---\nid: empty\ntitle: Empty\n---\n");

		assertThat(problems()).filteredOn(p -> p.file().equals("handouts/empty.md"))
			.extracting(CurriculumProblem::message)
			.contains("missing required field 'sessions'", "the handout has no content after its front matter");
	}

	@Test
	void shouldRefuseToStartWithoutTheMenteeOrientation() throws IOException {
		Files.delete(this.copy.resolve("orientation/mentees.md"));

		assertThat(problems()).anySatisfy(p -> {
			assertThat(p.file()).isEqualTo("orientation/mentees.md");
			assertThat(p.message()).isEqualTo("file not found");
		});
	}

	@Test
	void shouldRefuseAnOrientationWithUnknownFields() throws IOException {
		edit("orientation/mentees.md", "title:", "audience: mentor\ntitle:");

		assertThat(problems()).anySatisfy(p -> {
			assertThat(p.file()).isEqualTo("orientation/mentees.md");
			assertThat(p.message()).contains("audience");
		});
	}

	@Test
	void shouldShowGuidesToTheTeachingTeamHandoutsToMentorsAndTheOrientationToMentees() {
		Member learner = member(Set.of(CourseRole.LEARNER), null);
		Member mentor = member(Set.of(CourseRole.LEARNER), ProgramRole.MENTOR);
		Member mentee = member(Set.of(CourseRole.LEARNER), ProgramRole.MENTEE);
		Member instructor = member(Set.of(CourseRole.INSTRUCTOR), null);
		Member staff = member(Set.of(CourseRole.INSTRUCTOR), ProgramRole.STAFF);

		assertThat(List.of(learner, mentor, mentee, instructor, staff)).extracting(
				ProgramMaterials::mayReadFacilitatorGuides, ProgramMaterials::mayReadHandouts,
				ProgramMaterials::mayReadMenteeOrientation)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(false, true, false),
					org.assertj.core.groups.Tuple.tuple(false, true, false),
					org.assertj.core.groups.Tuple.tuple(false, false, true),
					org.assertj.core.groups.Tuple.tuple(true, true, true),
					org.assertj.core.groups.Tuple.tuple(true, true, true));
	}

	private static Member member(Set<CourseRole> roles, ProgramRole role) {
		return new Member(new PersonId(1), "Someone", new CourseId(1), "Course", roles, role);
	}

	private void edit(String file, String from, String to) throws IOException {
		Path path = this.copy.resolve(file);
		String text = Files.readString(path);
		assertThat(text).contains(from);
		Files.writeString(path, text.replace(from, to));
	}

	private List<CurriculumProblem> problems() {
		try {
			CurriculumLoader.load(this.copy);
		}
		catch (InvalidCurriculumException ex) {
			return ex.problems();
		}
		throw new AssertionError("the broken curriculum loaded");
	}

}
