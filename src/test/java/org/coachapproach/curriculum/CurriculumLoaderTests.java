package org.coachapproach.curriculum;

import org.coachapproach.curriculum.internal.CurriculumLoader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Loads the real curriculum, then breaks a copy of it one way at a time. */
class CurriculumLoaderTests {

	@TempDir
	Path copy;

	@BeforeEach
	void copyRealCurriculum() throws IOException {
		CurriculumCopy.into(this.copy);
	}

	@Test
	void shouldLoadTheRealCurriculum() {
		Curriculum curriculum = CurriculumLoader.load(Path.of("curriculum"));

		assertThat(curriculum.sessions()).extracting(TrainingSession::number).containsExactly(1, 2, 3, 4, 5, 6, 7);
		assertThat(curriculum.sessions()).allSatisfy(session -> {
			assertThat(session.durationMinutes()).isEqualTo(90);
			assertThat(session.exerciseIds()).isNotEmpty().allSatisfy(id -> assertThat(curriculum.exercise(id)).isPresent());
			assertThat(session.body()).isNotBlank();
		});
		assertThat(curriculum.domains()).hasSize(4);
		assertThat(curriculum.competencies()).extracting(Competency::behaviours)
			.extracting(List::size)
			.containsExactly(7, 8, 11, 6, 6, 6, 11, 8);
		assertThat(curriculum.program().meetMenteesAfterSession()).isEqualTo(4);
		assertThat(curriculum.contentHash()).hasSize(64);
		assertThat(curriculum.exercises()).filteredOn(e -> e.kind() == Exercise.Kind.IN_CLASS_TRIAD)
			.isNotEmpty()
			.allSatisfy(e -> assertThat(e.observerChecklist()).isNotEmpty());
	}

	@Test
	void shouldGiveTheSameHashForTheSameContentAndANewOneAfterAnEdit() throws IOException {
		String before = CurriculumLoader.load(this.copy).contentHash();
		assertThat(CurriculumLoader.load(this.copy).contentHash()).isEqualTo(before);
		assertThat(before).isEqualTo(CurriculumLoader.load(Path.of("curriculum")).contentHash());

		Path session = sessionFile("05");
		Files.writeString(session, Files.readString(session) + "\nOne more line.\n");

		assertThat(CurriculumLoader.load(this.copy).contentHash()).isNotEqualTo(before);
	}

	@Test
	void shouldNameFileAndLineOfAMissingRequiredField() throws IOException {
		Path session = sessionFile("03");
		int line = lineOf(session, "title:");
		replaceLine(session, "title:", "");

		assertThat(problems()).anySatisfy(p -> {
			assertThat(p.file()).isEqualTo("sessions/" + session.getFileName());
			assertThat(p.line()).isEqualTo(2);
			assertThat(p.message()).isEqualTo("missing required field 'title'");
		});
		assertThat(line).isGreaterThan(1);
	}

	@Test
	void shouldRefuseAGapInSessionNumbers() throws IOException {
		Files.delete(sessionFile("05"));

		assertThat(problems()).anySatisfy(p -> assertThat(p.message()).contains("session 5 is missing"));
	}

	@Test
	void shouldRefuseASessionNumberThatDoesNotMatchItsFile() throws IOException {
		Path session = sessionFile("06");
		replaceLine(session, "number:", "number: 5");

		assertThat(problems()).anySatisfy(p -> {
			assertThat(p.file()).isEqualTo("sessions/" + session.getFileName());
			assertThat(p.line()).isEqualTo(lineOf(session, "number:"));
			assertThat(p.message()).contains("does not match the file name's 06");
		});
	}

	@Test
	void shouldRefuseAReferenceToAnUnknownCompetency() throws IOException {
		Path session = sessionFile("05");
		replaceLine(session, "competencies:", "competencies: [active-listening, telepathy]");

		assertThat(problems()).anySatisfy(p -> {
			assertThat(p.file()).isEqualTo("sessions/" + session.getFileName());
			assertThat(p.line()).isEqualTo(lineOf(session, "competencies:"));
			assertThat(p.message()).isEqualTo("unknown competency 'telepathy'");
		});
	}

	@Test
	void shouldRefuseAReferenceToAnUnknownExercise() throws IOException {
		Path session = sessionFile("02");
		replaceLine(session, "exercises:", "exercises: [ex-does-not-exist]");

		assertThat(problems()).anySatisfy(p -> {
			assertThat(p.line()).isEqualTo(lineOf(session, "exercises:"));
			assertThat(p.message()).isEqualTo("unknown exercise 'ex-does-not-exist'");
		});
	}

	@Test
	void shouldRefuseDuplicateIds() throws IOException {
		Path framework = this.copy.resolve("competencies/icf-2019.yml");
		Files.writeString(framework, Files.readString(framework).replace("id: presence", "id: trust-and-safety"));

		assertThat(problems()).anySatisfy(p -> {
			assertThat(p.file()).isEqualTo("competencies/icf-2019.yml");
			assertThat(p.message()).startsWith("competency id 'trust-and-safety' is already used at competencies/icf-2019.yml:");
		});
	}

	@Test
	void shouldReportTheLineOfFrontMatterThatDoesNotParse() throws IOException {
		Path session = sessionFile("04");
		int line = lineOf(session, "title:");
		replaceLine(session, "title:", "title: [unclosed");

		assertThat(problems()).anySatisfy(p -> {
			assertThat(p.file()).isEqualTo("sessions/" + session.getFileName());
			assertThat(p.line()).isGreaterThanOrEqualTo(line);
			assertThat(p.message()).startsWith("YAML does not parse");
		});
	}

	@Test
	void shouldRefuseMarkdownWithoutFrontMatter() throws IOException {
		Path exercise = Files.list(this.copy.resolve("exercises")).sorted().findFirst().orElseThrow();
		Files.writeString(exercise, "# Just a heading\n\nNo front matter.\n");

		assertThat(problems()).anySatisfy(p -> {
			assertThat(p.file()).isEqualTo("exercises/" + exercise.getFileName());
			assertThat(p.line()).isEqualTo(1);
			assertThat(p.message()).startsWith("front matter missing");
		});
	}

	@Test
	void shouldRefuseAnAgendaThatDoesNotFillTheSession() throws IOException {
		Path session = sessionFile("07");
		replaceLine(session, "durationMinutes:", "durationMinutes: 60");

		assertThat(problems()).anySatisfy(p -> assertThat(p.message()).contains("agenda timings add up to 90 minutes, not the session's 60"));
	}

	@Test
	void shouldRefuseAnUnknownFieldAsALikelyTypo() throws IOException {
		Path session = sessionFile("01");
		replaceLine(session, "objectives:", "objectivs:");

		assertThat(problems()).anySatisfy(p -> assertThat(p.message()).startsWith("unknown field 'objectivs'"))
			.anySatisfy(p -> assertThat(p.message()).isEqualTo("missing required field 'objectives'"));
	}

	@Test
	void shouldExplainTextThatYamlReadsAsAMapping() throws IOException {
		Path program = this.copy.resolve("program.yml");
		Files.writeString(program, Files.readString(program).replace("sessions: [session-01,", "sessions: [Session: one,"));

		assertThat(problems()).anySatisfy(p -> {
			assertThat(p.file()).isEqualTo("program.yml");
			assertThat(p.message()).contains("put text that contains ': ' in double quotes");
		});
	}

	@Test
	void shouldRefuseAMenteeMeetingAskedForBeforeMeetingsStart() throws IOException {
		assertThat(CurriculumLoader.load(this.copy).exercise("ex-first-mentee-meeting").orElseThrow().withMentee())
			.isTrue();
		Path program = this.copy.resolve("program.yml");
		replaceLine(program, "meetMenteesAfterSession:", "meetMenteesAfterSession: 5");
		Path session = sessionFile("04");

		assertThat(problems()).singleElement().satisfies(p -> {
			assertThat(p.file()).isEqualTo("sessions/" + session.getFileName());
			assertThat(p.line()).isEqualTo(lineOf(session, "exercises:"));
			assertThat(p.message()).isEqualTo("session 4 comes before mentors meet their mentees (after session 5, "
					+ "program.yml meetMenteesAfterSession) but lists 'ex-first-mentee-meeting', which is held with the mentee");
		});
	}

	@Test
	void shouldRefuseAnInClassExerciseHeldWithTheMentee() throws IOException {
		Path exercise = this.copy.resolve("exercises/ex-listening-triad.md");
		replaceLine(exercise, "kind:", "kind: in-class-triad\nwithMentee: true");

		assertThat(problems()).singleElement().satisfies(p -> {
			assertThat(p.file()).isEqualTo("exercises/ex-listening-triad.md");
			assertThat(p.message()).isEqualTo("only a between-session exercise can be held with the mentee");
		});
	}

	@Test
	void shouldEstimateEveryPieceOfWorkOutsideTheSessionsAndKeepTheEssentialLoadLight() {
		Curriculum curriculum = CurriculumLoader.load(Path.of("curriculum"));

		assertThat(curriculum.sessions()).allSatisfy(session -> {
			assertThat(session.preWork()).isNotEmpty();
			assertThat(session.betweenSessionPractice()).isNotEmpty();
			assertThat(session.essentialMinutes()).isBetween(1, CurriculumLoader.MAX_ESSENTIAL_MINUTES);
		});
		TrainingSession first = curriculum.session(1).orElseThrow();
		assertThat(first.betweenSessionPractice()).first()
			.isEqualTo(new TrainingSession.Assignment(
					"Build your personal resource map (ex-resource-map) and bring one surprise to session 2.", 45, true));
		assertThat(first.optionalMinutes()).isPositive();
	}

	@Test
	void shouldRefuseWorkOutsideTheSessionWithoutMinutesOrAnEssentialFlag() throws IOException {
		Path session = sessionFile("02");
		replaceLine(session, "    minutes: 15", "    minutes: soon");
		replaceLine(session, "    essential: true", "    essential: maybe");

		assertThat(problems()).anySatisfy(p -> {
			assertThat(p.file()).isEqualTo("sessions/" + session.getFileName());
			assertThat(p.message()).isEqualTo("'minutes' must be a whole number, not 'soon'");
		}).anySatisfy(p -> assertThat(p.message()).isEqualTo("'essential' must be true or false, not 'maybe'"));
	}

	@Test
	void shouldRefuseAPlainTextItemOfPreWork() throws IOException {
		Path session = sessionFile("03");
		String text = Files.readString(session);
		Files.writeString(session, text.replace(
				"  - text: Bring your confidentiality statement from session 2.\n    minutes: 5\n    essential: true\n",
				"  - Bring your confidentiality statement from session 2.\n"));

		assertThat(problems()).anySatisfy(p -> {
			assertThat(p.file()).isEqualTo("sessions/" + session.getFileName());
			assertThat(p.message()).isEqualTo("each item of 'preWork' must be a mapping of fields");
		});
	}

	@Test
	void shouldRefuseAnOptionalOrMistimedExerciseOfTheSession() throws IOException {
		Path session = sessionFile("05");
		Files.writeString(session, Files.readString(session).replace(
				"(ex-listening-log), covering at least one mentee meeting and three other conversations.\n    minutes: 60\n    essential: true",
				"(ex-listening-log), covering at least one mentee meeting and three other conversations.\n    minutes: 30\n    essential: false"));

		assertThat(problems()).extracting(CurriculumProblem::message).containsExactlyInAnyOrder(
				"'ex-listening-log' takes 60 minutes (its durationMinutes), not 30",
				"'ex-listening-log' is one of the session's exercises, which complete the session: it is essential");
	}

	@Test
	void shouldRefuseMoreEssentialWorkOutsideTheSessionThanABusyClinicianCanDo() throws IOException {
		Path session = sessionFile("06");
		Files.writeString(session, Files.readString(session).replace("    minutes: 10\n", "    minutes: 70\n"));

		assertThat(problems()).singleElement().satisfies(p -> {
			assertThat(p.file()).isEqualTo("sessions/" + session.getFileName());
			assertThat(p.message()).isEqualTo("essential pre-work and between-session practice add up to 135 minutes, "
					+ "more than 120: mark some as essential: false, or shorten them");
		});
	}

	@Test
	void shouldRefuseADivisionQuestionThatDiffersFromTheDepartmentsDivisions() throws IOException {
		Path cfds = this.copy.resolve("instruments/cfds-post.yml");
		Files.writeString(cfds, Files.readString(cfds).replace("label: \"Nephrology\"", "label: Kidney medicine"));

		assertThat(problems()).singleElement().satisfies(p -> {
			assertThat(p.file()).isEqualTo("instruments/cfds-post.yml");
			assertThat(p.line()).isEqualTo(lineOf(cfds, "        options:", lineOf(cfds, "      - id: cfds-division")) + 1);
			assertThat(p.message()).isEqualTo("'cfds-division' asks for the respondent's division, so it offers the "
					+ "same options (values and labels) as 'division' in instruments/demographics.yml, the "
					+ "institution's list of divisions");
		});
	}

	@Test
	void shouldReportEveryProblemTogether() throws IOException {
		Files.delete(sessionFile("05"));
		replaceLine(sessionFile("02"), "exercises:", "exercises: [ex-does-not-exist]");
		Files.writeString(this.copy.resolve("program.yml"), "name: [broken\n");

		List<CurriculumProblem> problems = problems();

		assertThat(problems).extracting(CurriculumProblem::file)
			.contains("program.yml", "sessions", "sessions/" + sessionFile("02").getFileName());
	}

	@Test
	void shouldReportAMissingFolder() {
		assertThatExceptionOfType(InvalidCurriculumException.class)
			.isThrownBy(() -> CurriculumLoader.load(this.copy.resolve("nowhere")))
			.withMessageContaining("curriculum folder not found");
	}

	@Test
	void shouldCheckForAuthorsWithExitStatus() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		assertThat(CurriculumCheck.run(this.copy, new PrintStream(out), new PrintStream(err))).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Curriculum OK");

		Files.delete(sessionFile("05"));
		assertThat(CurriculumCheck.run(this.copy, new PrintStream(out), new PrintStream(err))).isEqualTo(1);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("session 5 is missing");
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

	private Path sessionFile(String number) throws IOException {
		try (Stream<Path> files = Files.list(this.copy.resolve("sessions"))) {
			return files.filter(f -> f.getFileName().toString().startsWith(number + "-")).findFirst().orElseThrow();
		}
	}

	private static int lineOf(Path file, String prefix) throws IOException {
		List<String> lines = Files.readAllLines(file);
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).startsWith(prefix)) {
				return i + 1;
			}
		}
		throw new AssertionError(prefix + " not in " + file);
	}

	private static int lineOf(Path file, String prefix, int after) throws IOException {
		List<String> lines = Files.readAllLines(file);
		for (int i = after; i < lines.size(); i++) {
			if (lines.get(i).startsWith(prefix)) {
				return i + 1;
			}
		}
		throw new AssertionError(prefix + " not in " + file);
	}

	/** Replaces the first line starting with {@code prefix}, keeping line numbers. */
	private static void replaceLine(Path file, String prefix, String replacement) throws IOException {
		List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file));
		lines.set(lineOf(file, prefix) - 1, replacement);
		Files.write(file, lines);
	}

}
