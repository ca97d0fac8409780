package org.coachapproach.assessment.internal.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.coachapproach.assessment.AssessmentProperties;
import org.coachapproach.assessment.SurveyAdministration;
import org.coachapproach.assessment.internal.imports.CohortLabels;
import org.coachapproach.assessment.internal.imports.CohortWriter;
import org.coachapproach.assessment.internal.responses.Pseudonyms;
import org.coachapproach.assessment.internal.windows.WaveWindow;
import org.coachapproach.assessment.internal.windows.WaveWindows;
import org.coachapproach.curriculum.Curriculum;
import org.coachapproach.curriculum.Instrument.Wave;
import org.coachapproach.people.CourseAppeared;
import org.coachapproach.people.CourseId;
import org.coachapproach.people.People;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills the demo course's surveys with the {@link SyntheticCohort} (and the year before's, as an
 * earlier cohort for the comparison of cohorts) and opens its windows when the demo course
 * first appears (with the demo platform on), before the launch that made it shows a page. The
 * demo course is recognised by its platform context id.
 */
@Component
class DemoSurveys {

	private static final Logger log = LoggerFactory.getLogger(DemoSurveys.class);

	private static final long EARLIER_SEED = 20210914L;

	private final boolean enabled;

	private final String contextId;

	private final People people;

	private final Curriculum curriculum;

	private final Pseudonyms pseudonyms;

	private final CohortWriter writer;

	private final SurveyAdministration administration;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final CohortLabels labels;

	private final WaveWindows windows;

	DemoSurveys(@Value("${coachapproach.demo.enabled:false}") boolean enabled,
			AssessmentProperties properties,
			People people, Curriculum curriculum, Pseudonyms pseudonyms, CohortWriter writer,
			SurveyAdministration administration, JdbcTemplate jdbc, TransactionTemplate transactions, CohortLabels labels,
			WaveWindows windows) {
		this.enabled = enabled;
		this.contextId = properties.demoContextId();
		this.people = people;
		this.curriculum = curriculum;
		this.pseudonyms = pseudonyms;
		this.writer = writer;
		this.administration = administration;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.labels = labels;
		this.windows = windows;
	}

	/**
	 * Loads the synthetic cohort into the course if it is the demo course and has none yet. After
	 * the launch's commit, in a transaction of its own (the launch's has ended), and not in the
	 * background: the launch's first page shows the cohort.
	 */
	@TransactionalEventListener(fallbackExecution = true)
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void on(CourseAppeared appeared) {
		CourseId course = appeared.course();
		if (this.enabled && this.people.contextId(course).filter(this.contextId::equals).isPresent()) {
			load(course);
		}
	}

	/** @return responses written (0 when the course has its synthetic cohort already) */
	int load(CourseId course) {
		Integer existing = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM assessment_response WHERE course_id = ? AND origin = 'SYNTHETIC'", Integer.class,
				course.value());
		if (existing != null && existing > 0) {
			return 0;
		}
		Integer written = this.transactions.execute(status -> {
			openWindows(course);
			// The demo's own cohort answered pre last winter, so it is that academic year's (July to June);
			// the year before it is an earlier cohort, as if imported, so the comparison of cohorts has two.
			LocalDate pre = this.administration.today().minusDays(300);
			int year = pre.getMonthValue() >= 7 ? pre.getYear() : pre.getYear() - 1;
			String earlier = (year - 1) + "-" + year;
			if (this.labels.own(course).isEmpty()) {
				this.labels.setOwn(course, year + "-" + (year + 1));
			}
			return this.writer.write(course, "SYNTHETIC", this.curriculum.contentHash(),
					new SyntheticCohort(this.curriculum, code -> this.pseudonyms.ofExternal(course, code)).responses())
					+ this.writer.write(course, earlier, "SYNTHETIC", this.curriculum.contentHash(),
							new SyntheticCohort(this.curriculum, code -> this.pseudonyms.ofExternal(course, earlier + "/" + code),
									EARLIER_SEED, 0.7).responses());
		});
		log.info("Loaded a SYNTHETIC survey cohort of {} responses into demo course {}", written, course.value());
		return written == null ? 0 : written;
	}

	/** Pre closed months ago, post (and the post-only surveys) open now, demographics throughout. */
	private void openWindows(CourseId course) {
		LocalDate today = this.administration.today();
		Map<String, Map<Wave, LocalDate[]>> windows = Map.of(
				"mentor-prepost", Map.of(Wave.PRE, range(today.minusDays(300), today.minusDays(270)), Wave.POST,
						range(today.minusDays(14), today.plusDays(30))),
				"mentee-prepost", Map.of(Wave.PRE, range(today.minusDays(300), today.minusDays(270)), Wave.POST,
						range(today.minusDays(14), today.plusDays(30))),
				"mentor-post", Map.of(Wave.POST, range(today.minusDays(14), today.plusDays(30))),
				"mentee-post", Map.of(Wave.POST, range(today.minusDays(14), today.plusDays(30))),
				"cfds-post", Map.of(Wave.POST, range(today.minusDays(14), today.plusDays(30))),
				"demographics", Map.of(Wave.ONCE, range(today.minusDays(300), today.plusDays(30))));
		Instant now = Instant.now();
		// A window someone already set stays as it is.
		windows.forEach((instrument, waves) -> waves.forEach((wave, dates) -> {
			if (!this.windows.existsById(new WaveWindow.Key(course.value(), instrument, wave.label()))) {
				this.windows.save(new WaveWindow(course.value(), instrument, wave.label(), dates[0], dates[1], now));
			}
		}));
	}

	private static LocalDate[] range(LocalDate opens, LocalDate closes) {
		return new LocalDate[] { opens, closes };
	}

}
