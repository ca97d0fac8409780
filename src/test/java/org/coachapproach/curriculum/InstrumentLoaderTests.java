package org.coachapproach.curriculum;

import org.coachapproach.curriculum.internal.CurriculumLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.coachapproach.curriculum.Instrument.ItemType;
import org.coachapproach.curriculum.Instrument.Wave;
import org.coachapproach.people.ProgramRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The survey instruments in {@code curriculum/instruments}: the real ones, then a copy broken one way at a time. */
class InstrumentLoaderTests {

	@TempDir
	Path copy;

	@BeforeEach
	void copyRealCurriculum() throws IOException {
		CurriculumCopy.into(this.copy);
	}

	@Test
	void shouldLoadTheInstrumentsThePaperDescribes() {
		Curriculum curriculum = CurriculumLoader.load(Path.of("curriculum"));

		assertThat(curriculum.instruments()).extracting(Instrument::id)
			.containsExactly("cfds-post", "demographics", "mentee-post", "mentee-prepost", "mentor-post", "mentor-prepost");
		Instrument mentor = curriculum.instrument("mentor-prepost").orElseThrow();
		assertThat(mentor.waves()).containsExactly(Wave.PRE, Wave.POST);
		assertThat(mentor.optionalWaves()).containsExactly(Wave.FOLLOW_UP);
		assertThat(mentor.asks(ProgramRole.MENTOR)).isTrue();
		assertThat(mentor.asks(ProgramRole.MENTEE)).isFalse();
		assertThat(mentor.sections()).extracting(Instrument.Section::id).containsExactly("job-satisfaction",
				"teaching-attitudes", "knowledge", "confidence", "coaching-behaviours", "climate");
		assertThat(mentor.sections().get(2).items()).hasSize(8);
		assertThat(mentor.sections().get(3).items()).hasSize(8);
		assertThat(mentor.sections().get(4).items()).hasSize(10).extracting(Instrument.Item::text)
			.contains("Managing the time and focus of the mentoring session",
					"Supporting the mentee to integrate new awareness, insight and learning into their worldview and behaviours");
		assertThat(mentor.items()).allSatisfy(item -> {
			assertThat(item.type()).isEqualTo(ItemType.SCALE);
			assertThat(item.scale().labels()).startsWith("Not at all").endsWith("A great deal");
		});
		assertThat(mentor.retrospective().itemIds()).hasSize(16);
		assertThat(curriculum.instrument("demographics").orElseThrow().items())
			.allSatisfy(item -> assertThat(item.option("prefer-not-to-say")).isPresent())
			.filteredOn(Instrument.Item::subgroup)
			.extracting(Instrument.Item::id)
			.containsExactly("gender-identity", "rank", "years-at-institution");
		assertThat(curriculum.instrument("mentee-prepost").orElseThrow().sections().get(0).items()).hasSize(8);
		assertThat(curriculum.instrument("cfds-post").orElseThrow().items().get(0).scale().labels())
			.startsWith("Strongly disagree").endsWith("Strongly agree");
	}

	@Test
	void shouldAskEveryItemThePaperReports() {
		Curriculum curriculum = CurriculumLoader.load(Path.of("curriculum"));

		Instrument mentor = curriculum.instrument("mentor-prepost").orElseThrow();
		assertThat(mentor.sections()).filteredOn(s -> s.id().equals("coaching-behaviours")).singleElement()
			.extracting(Instrument.Section::stem)
			.isEqualTo("How confident are you in modelling each of these coaching behaviours?");
		Instrument mentee = curriculum.instrument("mentee-prepost").orElseThrow();
		assertThat(mentee.sections()).filteredOn(s -> s.id().equals("mentee-climate")).singleElement()
			.satisfies(s -> assertThat(s.scored()).isTrue())
			.extracting(s -> s.items().stream().filter(i -> i.askedIn(Wave.PRE) && i.askedIn(Wave.POST)).count())
			.isEqualTo(4L);
		assertThat(curriculum.instrument("mentee-post").orElseThrow().item("mentee-meeting-frequency")).isPresent();
		Instrument feedback = curriculum.instrument("mentor-post").orElseThrow();
		assertThat(feedback.items()).extracting(Instrument.Item::id)
			.contains("approach-use-frequency", "meeting-frequency", "time-training-fair", "time-meetings-fair");
		assertThat(feedback.item("meeting-frequency").orElseThrow().option("monthly-or-quarterly")).isPresent();
		Instrument cfds = curriculum.instrument("cfds-post").orElseThrow();
		assertThat(cfds.items()).extracting(Instrument.Item::id).contains("cfds-opportunity-teaching",
				"cfds-opportunity-leadership", "cfds-opportunity-wellness", "cfds-opportunity-dei",
				"cfds-opportunity-promotion");
		// the same division values as the demographics question, so the two read together
		assertThat(cfds.item("cfds-division").orElseThrow().options()).extracting(Instrument.Option::value)
			.containsExactlyElementsOf(curriculum.instrument("demographics").orElseThrow().item("division").orElseThrow()
				.options().stream().map(Instrument.Option::value).toList())
			.contains("prefer-not-to-say");
		// the scales' labels as the paper reports them
		assertThat(feedback.item("strategies-helpful").orElseThrow().scale().labels())
			.contains("Very helpful", "Somewhat helpful", "Somewhat unhelpful");
		assertThat(feedback.item("likely-to-use").orElseThrow().scale().labels())
			.contains("Very likely", "Somewhat likely", "Somewhat unlikely");
	}

	@Test
	void shouldRefuseAStemThatDoesNotAsk() throws IOException {
		edit("mentor-prepost.yml", "stem: \"How confident are you in modelling each of these coaching behaviours?\"",
				"stem: Coaching behaviours");

		assertThat(problems()).anySatisfy(p -> {
			assertThat(p.file()).isEqualTo("instruments/mentor-prepost.yml");
			assertThat(p.line()).isEqualTo(lineOf("mentor-prepost.yml", "stem: Coaching behaviours"));
			assertThat(p.message()).startsWith("'stem' is the question the section's items answer");
		});
	}

	@Test
	void shouldRefuseAnEmptyOrListStem() throws IOException {
		edit("mentor-prepost.yml", "stem: \"How confident are you in modelling each of these coaching behaviours?\"",
				"stem: \"\"");
		edit("mentor-post.yml", "stem: \"How much do you agree with each statement?\"", "stem: [agree, disagree]");

		assertThat(problems()).anySatisfy(p -> {
			assertThat(p.file()).isEqualTo("instruments/mentor-prepost.yml");
			assertThat(p.message()).isEqualTo("'stem' must not be empty");
		}).anySatisfy(p -> {
			assertThat(p.file()).isEqualTo("instruments/mentor-post.yml");
			assertThat(p.message()).isEqualTo("'stem' must be text, not a list or mapping");
		});
	}

	@Test
	void shouldChangeTheContentHashWhenAnInstrumentChanges() throws IOException {
		String before = CurriculumLoader.load(this.copy).contentHash();
		edit("mentor-post.yml", "How helpful were", "How useful were");

		assertThat(CurriculumLoader.load(this.copy).contentHash()).isNotEqualTo(before);
	}

	@Test
	void shouldRefuseAnUnknownScaleWithFileAndLine() throws IOException {
		edit("mentor-post.yml", "scale: helpfulness", "scale: usefulness");

		assertThat(problems()).anySatisfy(p -> {
			assertThat(p.file()).isEqualTo("instruments/mentor-post.yml");
			assertThat(p.line()).isEqualTo(lineOf("mentor-post.yml", "scale: usefulness"));
			assertThat(p.message()).startsWith("unknown scale 'usefulness'");
		});
	}

	@Test
	void shouldRefuseAScaleWithAMissingOrOutOfRangeAnchor() throws IOException {
		edit("scales.yml", "{value: 2, label: A little}", "{value: 6, label: A little}");

		assertThat(problems()).anySatisfy(p -> {
			assertThat(p.file()).isEqualTo("instruments/scales.yml");
			assertThat(p.message()).isEqualTo("anchor value 6 is outside the scale's 1 to 5");
		}).anySatisfy(p -> assertThat(p.message()).isEqualTo("scale 'extent' has no label for point 2"));
	}

	@Test
	void shouldRefuseAnItemIdUsedTwice() throws IOException {
		edit("mentor-prepost.yml", "id: knowledge-dei", "id: mentee-dei");

		assertThat(problems()).anySatisfy(p -> {
			assertThat(p.file()).isEqualTo("instruments/mentor-prepost.yml");
			assertThat(p.message()).startsWith("item id 'mentee-dei' is already used at instruments/mentee-prepost.yml:");
		});
	}

	@Test
	void shouldRefuseAnUnknownFieldAsALikelyTypo() throws IOException {
		edit("cfds-post.yml", "required: false", "requird: false");

		assertThat(problems()).anySatisfy(p -> assertThat(p.message()).startsWith("unknown field 'requird'"));
	}

	@Test
	void shouldRefuseAnUnknownWave() throws IOException {
		edit("mentor-prepost.yml", "waves: [pre, post]", "waves: [pre, mid, post]");

		assertThat(problems()).anySatisfy(p -> {
			assertThat(p.line()).isEqualTo(lineOf("mentor-prepost.yml", "waves:"));
			assertThat(p.message()).startsWith("unknown value 'mid' in 'waves'");
		});
	}

	@Test
	void shouldRefuseAnItemAskedInAWaveItsInstrumentDoesNotRun() throws IOException {
		edit("mentee-prepost.yml", "waves: [post]", "waves: [once]");

		assertThat(problems()).anySatisfy(p -> assertThat(p.message()).isEqualTo("the instrument does not run in wave 'once'"));
	}

	@Test
	void shouldRefuseADemographicQuestionWithoutPreferNotToSay() throws IOException {
		edit("demographics.yml", "{value: prefer-not-to-say, label: Prefer not to say}", "{value: other, label: Other}");

		assertThat(problems()).anySatisfy(p -> {
			assertThat(p.file()).isEqualTo("instruments/demographics.yml");
			assertThat(p.message()).isEqualTo("a demographic question must offer 'prefer-not-to-say'");
		});
	}

	@Test
	void shouldRefuseARetrospectiveItemNotAskedAtPreAndPost() throws IOException {
		edit("mentor-prepost.yml", "items: [knowledge-promotion,", "items: [knowledge-nowhere,");

		assertThat(problems()).anySatisfy(p -> assertThat(p.message()).isEqualTo("unknown item 'knowledge-nowhere' in this instrument"));
	}

	@Test
	void shouldRefuseABehaviourDrawnFromAnUnknownCompetency() throws IOException {
		edit("mentor-prepost.yml", "competency: presence", "competency: charisma");

		assertThat(problems()).anySatisfy(p -> assertThat(p.message()).isEqualTo("unknown competency 'charisma'"));
	}

	@Test
	void shouldRefuseAnIdThatDoesNotMatchItsFile() throws IOException {
		edit("cfds-post.yml", "id: cfds-post", "id: cfds-survey");

		assertThat(problems()).anySatisfy(p -> assertThat(p.message()).isEqualTo("id 'cfds-survey' must match the file name (cfds-survey.yml)"));
	}

	@Test
	void shouldRefuseAScoredSectionWithAFreeTextItem() throws IOException {
		edit("mentee-prepost.yml", "    title: Comments", "    title: Comments\n    scored: true");

		assertThat(problems()).anySatisfy(p -> assertThat(p.message()).startsWith("a scored section may hold only scale items"));
	}

	private void edit(String file, String from, String to) throws IOException {
		Path path = this.copy.resolve("instruments").resolve(file);
		String text = Files.readString(path);
		assertThat(text).contains(from);
		Files.writeString(path, text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
	}

	private int lineOf(String file, String text) throws IOException {
		List<String> lines = Files.readAllLines(this.copy.resolve("instruments").resolve(file));
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).contains(text)) {
				return i + 1;
			}
		}
		throw new AssertionError(text + " not in " + file);
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
