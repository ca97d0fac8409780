package org.coachapproach.assessment;

import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;

import org.coachapproach.assessment.internal.report.PrePostAnalysis;
import org.coachapproach.assessment.internal.report.WaveAnalysis;
import org.coachapproach.curriculum.Curriculum;
import org.coachapproach.curriculum.Instrument.Wave;
import org.coachapproach.people.Arrival;
import org.coachapproach.people.CourseAppeared;
import org.coachapproach.people.CourseId;
import org.coachapproach.people.CourseRole;
import org.coachapproach.people.People;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo course's synthetic cohort: loaded once, only into the demo course, labelled, and
 * with figures like the published evaluation's.
 */
@SpringBootTest(properties = "coachapproach.assessment.demo-context-id=demo-surveys-test-course")
class DemoSurveysTests {

	@Autowired
	People people;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PrePostAnalysis analysis;

	@Autowired
	WaveAnalysis waves;

	@Autowired
	Curriculum curriculum;

	@Test
	void shouldLoadTheSyntheticCohortOnceIntoTheDemoCourseOnly() {
		CourseId demoCourse = course("demo-surveys-test-course");
		CourseId other = course("another-" + UUID.randomUUID());
		// the test database outlives a run; start this course afresh
		this.jdbc.sql("DELETE FROM assessment_response WHERE course_id = ?").param(demoCourse.value()).update();

		this.events.publishEvent(new CourseAppeared(other));
		this.events.publishEvent(new CourseAppeared(demoCourse));
		this.events.publishEvent(new CourseAppeared(demoCourse));

		assertThat(count(other)).isZero();
		Map<String, Object> counts = this.jdbc.sql("""
				SELECT SUM(instrument_id = 'mentor-prepost' AND wave = 'pre') AS mentor_pre,
				       SUM(instrument_id = 'mentor-prepost' AND wave = 'post') AS mentor_post,
				       SUM(instrument_id = 'mentee-prepost' AND wave = 'pre') AS mentee_pre,
				       SUM(instrument_id = 'mentee-post') AS mentee_feedback,
				       SUM(instrument_id = 'cfds-post') AS cfds, SUM(origin <> 'SYNTHETIC') AS not_synthetic
				FROM assessment_response WHERE course_id = ? AND cohort = ''""").param(demoCourse.value()).query().singleRow();
		assertThat(counts).containsEntry("mentor_pre", new java.math.BigDecimal(39))
			.containsEntry("mentor_post", new java.math.BigDecimal(35))
			.containsEntry("mentee_pre", new java.math.BigDecimal(33))
			.containsEntry("mentee_feedback", new java.math.BigDecimal(26))
			.containsEntry("cfds", new java.math.BigDecimal(99))
			.containsEntry("not_synthetic", java.math.BigDecimal.ZERO);
		// and the year before as an earlier cohort, for the comparison of cohorts (its own respondents)
		assertThat(this.jdbc.sql("""
				SELECT DISTINCT cohort FROM assessment_response WHERE course_id = ? AND cohort <> '' AND origin = 'SYNTHETIC'""")
			.param(demoCourse.value()).query(String.class).list()).singleElement().asString().matches("\\d{4}-\\d{4}");
		assertThat(this.jdbc.sql("""
				SELECT COUNT(*) FROM assessment_response a JOIN assessment_response b
				ON a.course_id = b.course_id AND a.respondent = b.respondent AND a.cohort = '' AND b.cohort <> ''
				WHERE a.course_id = ?""").param(demoCourse.value()).query(Integer.class).single()).isZero();
		int loaded = count(demoCourse);
		this.events.publishEvent(new CourseAppeared(demoCourse));
		assertThat(count(demoCourse)).isEqualTo(loaded);

		PrePostReport report = this.analysis.report(demoCourse, this.curriculum.instrument("mentor-prepost").orElseThrow(),
				Wave.POST, Adjustment.NONE, null);
		assertThat(report.pairs()).isEqualTo(33);
		// the paper: knowledge gains of 0.69 to 0.88 points, p < 0.001
		assertThat(report.items()).filteredOn(r -> r.key().matches("knowledge-(promotion|education|networking|alignment|imposter)"))
			.hasSize(5)
			.allSatisfy(r -> {
				assertThat(r.figures().difference()).as(r.key()).isBetween(0.4, 1.2);
				assertThat(r.figures().p()).as(r.key()).isLessThan(0.001);
			});
		ComparisonRow climate = report.items().stream().filter(r -> r.key().equals("climate-overall")).findFirst().orElseThrow();
		assertThat(climate.figures().firstMean()).isBetween(3.6, 4.4);
		assertEveryItemThePaperReportsIsInTheReport(demoCourse);
	}

	/** The items added for the paper's full set of measures reach the report with the paper's pattern. */
	private void assertEveryItemThePaperReportsIsInTheReport(CourseId demoCourse) {
		PrePostReport mentees = this.analysis.report(demoCourse, this.curriculum.instrument("mentee-prepost").orElseThrow(),
				Wave.POST, Adjustment.NONE, null);
		assertThat(mentees.scales()).extracting(ComparisonRow::key).contains("mentee-climate");
		assertThat(mentees.items()).filteredOn(r -> r.key().startsWith("mentee-climate-")).hasSize(4)
			.allSatisfy(r -> assertThat(r.figures().firstMean()).as(r.key()).isBetween(3.4, 4.4));
		// the paper: every mentee who answered had met their mentor at least once
		Distribution meetings = distribution(demoCourse, "mentee-post", "mentee-meeting-frequency");
		assertThat(meetings.n()).isEqualTo(26);
		assertThat(meetings.labels()).startsWith("Not yet");
		assertThat(meetings.counts().get(0)).isZero();
		Distribution time = distribution(demoCourse, "mentor-post", "time-training-fair");
		assertThat(time.agree()).isGreaterThan(50.0);
		assertThat(distribution(demoCourse, "mentor-post", "approach-use-frequency").n()).isEqualTo(35);
		// the paper: over 55 % agreed the series gave valuable opportunities in each area; all 11 divisions answered
		for (String area : new String[] { "teaching", "leadership", "wellness", "dei", "promotion" }) {
			assertThat(distribution(demoCourse, "cfds-post", "cfds-opportunity-" + area).agree()).as(area)
				.isGreaterThan(55.0);
		}
		Distribution divisions = distribution(demoCourse, "cfds-post", "cfds-division");
		assertThat(divisions.counts().subList(0, 11)).allSatisfy(c -> assertThat(c).isPositive());
	}

	private Distribution distribution(CourseId course, String instrument, String item) {
		WaveReport report = this.waves.report(course, this.curriculum.instrument(instrument).orElseThrow(), Wave.POST);
		return report.distributions().stream().filter(d -> d.key().equals(item)).findFirst().orElseThrow();
	}

	private int count(CourseId course) {
		return this.jdbc.sql("SELECT COUNT(*) FROM assessment_response WHERE course_id = ?").param(course.value())
			.query(Integer.class).single();
	}

	private CourseId course(String contextId) {
		return this.people.arrive(new Arrival("https://demo.test", "staff-" + UUID.randomUUID(), "Staff", null, contextId,
				"Course " + contextId, "C", EnumSet.of(CourseRole.ADMINISTRATOR), null)).course();
	}

}
