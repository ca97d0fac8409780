package org.coachapproach.curriculum;

import org.coachapproach.curriculum.internal.CurriculumLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The real intake forms load; a broken copy is refused with file, line and problem. */
class IntakeFormsTests {

	@TempDir
	Path copy;

	@BeforeEach
	void copyRealCurriculum() throws IOException {
		CurriculumCopy.into(this.copy);
	}

	@Test
	void shouldLoadTheRealIntakeForms() {
		IntakeForms forms = IntakeForms.load(Path.of("curriculum"), CurriculumLoader.load(Path.of("curriculum")));

		assertThat(forms.criteria()).extracting(IntakeForms.Criterion::id).containsExactlyElementsOf(IntakeForms.CRITERIA);
		assertThat(forms.criterion("division").orElseThrow().options()).hasSize(11);
		assertThat(forms.criteria()).extracting(IntakeForms.Criterion::weight).containsExactly(10, 30, 20, 10, 25, 5);
		assertThat(forms.criterion("gender-identity").orElseThrow().several()).isFalse();
		assertThat(forms.criterion("professional-interests").orElseThrow().several()).isTrue();
		assertThat(forms.criterion("race-ethnicity").orElseThrow().options()).filteredOn(IntakeForms.Option::notSaid)
			.extracting(IntakeForms.Option::id).containsExactly("not-said");
		assertThat(forms.mentor().capacityQuestion()).isNotBlank();
		assertThat(forms.mentee().capacityQuestion()).isNull();
		assertThat(forms.mentee().questions()).extracting(IntakeForms.Question::criterion)
			.containsExactlyElementsOf(IntakeForms.CRITERIA);
		assertThat(forms.meetingReminderDays()).isEqualTo(45);
	}

	@Test
	void shouldNameFileAndLineOfEachProblem() throws IOException {
		Path matching = this.copy.resolve("intake/matching.yml");
		String text = Files.readString(matching)
			.replace("    weight: 30\n", "    weight: 130\n")
			.replace("{id: cardiology, label: Cardiology}", "{id: Cardiology, label: Cardiology}");
		Files.writeString(matching, text);
		Path mentee = this.copy.resolve("intake/mentee.yml");
		Files.writeString(mentee, Files.readString(mentee).replace("role: mentee\n",
				"role: mentee\ncapacityQuestion: How many?\n"));

		List<CurriculumProblem> problems = problems();

		assertThat(problems).extracting(CurriculumProblem::toString).contains(
				"intake/matching.yml:" + lineOf(matching, "weight: 130") + ": 'weight' must be between 0 and 100, not 130",
				"intake/matching.yml:" + lineOf(matching, "id: Cardiology")
						+ ": 'Cardiology' is not a valid id: use lower-case letters, digits and hyphens",
				"intake/mentee.yml:2: only the mentor form asks about capacity");
	}

	@Test
	void shouldRefuseAFormThatLeavesOutACriterionAndADuplicateOption() throws IOException {
		Path mentor = this.copy.resolve("intake/mentor.yml");
		String text = Files.readString(mentor);
		int start = text.indexOf("  - criterion: race-ethnicity");
		int end = text.indexOf("  - criterion: professional-interests");
		Files.writeString(mentor, text.substring(0, start) + text.substring(end));
		Path matching = this.copy.resolve("intake/matching.yml");
		Files.writeString(matching, Files.readString(matching).replace("{id: music, label: Music}",
				"{id: music, label: Music}\n      - {id: music, label: Music again}"));

		assertThat(problems()).extracting(CurriculumProblem::message)
			.contains("the form does not ask about 'race-ethnicity'", "option 'music' is listed twice");
		Files.delete(this.copy.resolve("intake/mentee.yml"));
		assertThat(problems()).extracting(CurriculumProblem::toString).contains("intake/mentee.yml: file not found");
	}

	@Test
	void shouldOfferTheSameDivisionsAsTheSurveysWhateverTheStoredIds() {
		Curriculum curriculum = CurriculumLoader.load(Path.of("curriculum"));
		IntakeForms forms = IntakeForms.load(Path.of("curriculum"), curriculum);

		assertThat(forms.criterion("division").orElseThrow().options()).extracting(IntakeForms.Option::label)
			.containsExactlyInAnyOrderElementsOf(curriculum.divisions().stream().map(Instrument.Option::label).toList());
		assertThat(forms.criterion("division").orElseThrow().indexOf("cardiovascular-medicine")).isNotNegative();
		assertThat(curriculum.divisions()).extracting(Instrument.Option::value).contains("cardiology")
			.doesNotContain(Instrument.Option.PREFER_NOT_TO_SAY);
	}

	@Test
	void shouldRefuseAnIntakeWhoseDivisionsDifferFromTheSurveys() throws IOException {
		Path matching = this.copy.resolve("intake/matching.yml");
		Files.writeString(matching, Files.readString(matching)
			.replace("{id: nephrology, label: Nephrology}", "{id: nephrology, label: Kidney Medicine}"));

		assertThat(problems()).singleElement().hasToString("intake/matching.yml:" + (lineOf(matching, "id: division") + 6)
				+ ": the division options must name the same divisions as 'division' in instruments/demographics.yml "
				+ "(the institution's list of divisions); only here: [Kidney Medicine]; only in the survey: [Nephrology]");
	}

	private List<CurriculumProblem> problems() {
		return assertThatExceptionOfType(InvalidCurriculumException.class).isThrownBy(() -> IntakeForms.load(this.copy, CurriculumLoader.load(this.copy)))
			.actual()
			.problems();
	}

	private static int lineOf(Path file, String text) throws IOException {
		List<String> lines = Files.readAllLines(file);
		for (int k = 0; k < lines.size(); k++) {
			if (lines.get(k).contains(text)) {
				return k + 1;
			}
		}
		throw new AssertionError(text + " not in " + file);
	}

}
