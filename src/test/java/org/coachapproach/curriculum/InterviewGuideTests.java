package org.coachapproach.curriculum;

import org.coachapproach.curriculum.internal.CurriculumLoader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.coachapproach.curriculum.Instrument.Audience;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The evaluation's interview guide in {@code curriculum/evaluation}: the real one, then a copy broken one way at a time. */
class InterviewGuideTests {

	@TempDir
	Path copy;

	@BeforeEach
	void copyRealCurriculum() throws IOException {
		CurriculumCopy.into(this.copy);
	}

	@Test
	void shouldLoadTheGuideForMentorsAndMentees() {
		Curriculum curriculum = CurriculumLoader.load(Path.of("curriculum"));

		assertThat(curriculum.interviewGuides()).singleElement().satisfies(guide -> {
			assertThat(guide.id()).isEqualTo("interview-guide");
			assertThat(guide.audienceList()).containsExactly(Audience.MENTOR, Audience.MENTEE);
			assertThat(guide.durationMinutes()).isPositive();
			assertThat(guide.body()).contains("## Consent", "## Questions for mentors", "## Questions for mentees");
		});
	}

	@Test
	void shouldRefuseToStartOnABadGuideNamingFileLineAndProblem() throws IOException {
		edit("audiences: [mentor, mentee]", "audiences: [mentor, mentee, faculty]");

		assertThat(problems()).anySatisfy(p -> {
			assertThat(p.file()).isEqualTo("evaluation/interview-guide.md");
			assertThat(p.line()).isEqualTo(lineOf("audiences:"));
			assertThat(p.message()).isEqualTo("unknown audience 'faculty' in 'audiences' (expected mentor or mentee)");
		});
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		assertThat(CurriculumCheck.run(this.copy, new PrintStream(out), new PrintStream(err))).isEqualTo(1);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("evaluation/interview-guide.md")
			.contains("unknown audience 'faculty'");
	}

	@Test
	void shouldRefuseAGuideWithoutQuestionsForOneOfItsAudiences() throws IOException {
		edit("## Questions for mentees", "## Questions for new faculty");

		assertThat(problems()).anySatisfy(p -> {
			assertThat(p.file()).isEqualTo("evaluation/interview-guide.md");
			assertThat(p.message()).startsWith("the guide is for mentees but has no heading with 'for mentees'");
		});
	}

	@Test
	void shouldRefuseAGuideWhoseIdDoesNotMatchItsFileOrThatHasNoDuration() throws IOException {
		edit("id: interview-guide", "id: interviews");
		edit("durationMinutes: 45\n", "");

		assertThat(problems()).anySatisfy(p -> assertThat(p.message())
			.isEqualTo("id 'interviews' must match the file name (interviews.md)"))
			.anySatisfy(p -> assertThat(p.message()).isEqualTo("missing required field 'durationMinutes'"));
	}

	private void edit(String from, String to) throws IOException {
		Path path = this.copy.resolve("evaluation/interview-guide.md");
		String text = Files.readString(path);
		assertThat(text).contains(from);
		Files.writeString(path, text.replace(from, to));
	}

	private int lineOf(String text) throws IOException {
		List<String> lines = Files.readAllLines(this.copy.resolve("evaluation/interview-guide.md"));
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).contains(text)) {
				return i + 1;
			}
		}
		throw new AssertionError(text + " not in the guide");
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
