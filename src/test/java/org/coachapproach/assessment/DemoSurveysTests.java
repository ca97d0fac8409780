package org.coachapproach.assessment;

import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;

import org.coachapproach.assessment.internal.Adjustment;
import org.coachapproach.assessment.internal.ComparisonRow;
import org.coachapproach.assessment.internal.DemoSurveys;
import org.coachapproach.assessment.internal.PrePostAnalysis;
import org.coachapproach.assessment.internal.PrePostReport;
import org.coachapproach.curriculum.Curriculum;
import org.coachapproach.curriculum.Instrument.Wave;
import org.coachapproach.people.Arrival;
import org.coachapproach.people.CourseId;
import org.coachapproach.people.CourseRole;
import org.coachapproach.people.People;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo course's synthetic cohort: loaded once, only into the demo course, labelled, and
 * with figures like the published evaluation's.
 */
@SpringBootTest(properties = "coachapproach.assessment.demo-context-id=demo-surveys-test-course")
class DemoSurveysTests {

	@Autowired
	DemoSurveys demo;

	@Autowired
	People people;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PrePostAnalysis analysis;

	@Autowired
	Curriculum curriculum;

	@Test
	void shouldLoadTheSyntheticCohortOnceIntoTheDemoCourseOnly() {
		CourseId demoCourse = course("demo-surveys-test-course");
		CourseId other = course("another-" + UUID.randomUUID());
		// the test database outlives a run; start this course afresh
		this.jdbc.sql("DELETE FROM assessment_response WHERE course_id = ?").param(demoCourse.value()).update();

		this.demo.ensure(other);
		this.demo.ensure(demoCourse);
		this.demo.ensure(demoCourse);

		assertThat(count(other)).isZero();
		Map<String, Object> counts = this.jdbc.sql("""
				SELECT SUM(instrument_id = 'mentor-prepost' AND wave = 'pre') AS mentor_pre,
				       SUM(instrument_id = 'mentor-prepost' AND wave = 'post') AS mentor_post,
				       SUM(instrument_id = 'mentee-prepost' AND wave = 'pre') AS mentee_pre,
				       SUM(instrument_id = 'cfds-post') AS cfds, SUM(origin <> 'SYNTHETIC') AS not_synthetic
				FROM assessment_response WHERE course_id = ?""").param(demoCourse.value()).query().singleRow();
		assertThat(counts).containsEntry("mentor_pre", new java.math.BigDecimal(39))
			.containsEntry("mentor_post", new java.math.BigDecimal(35))
			.containsEntry("mentee_pre", new java.math.BigDecimal(33))
			.containsEntry("cfds", new java.math.BigDecimal(99))
			.containsEntry("not_synthetic", java.math.BigDecimal.ZERO);
		int loaded = count(demoCourse);
		this.demo.ensure(demoCourse);
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
