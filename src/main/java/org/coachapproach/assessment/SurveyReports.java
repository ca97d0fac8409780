package org.coachapproach.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.coachapproach.assessment.internal.report.CohortComparison;
import org.coachapproach.assessment.internal.report.CohortReader;
import org.coachapproach.assessment.internal.report.PrePostAnalysis;
import org.coachapproach.assessment.internal.report.ReleaseBatches;
import org.coachapproach.assessment.internal.report.WaveAnalysis;
import org.coachapproach.curriculum.Instrument;
import org.coachapproach.curriculum.Instrument.Item;
import org.coachapproach.curriculum.Instrument.Wave;
import org.coachapproach.people.CourseId;

import org.springframework.stereotype.Service;

/**
 * What staff read of a course's surveys: response rates, pre/post tables, one wave's
 * distributions and comments, the comparison of cohorts. Only aggregates, each under the
 * suppression and publication rules of the analysis behind it; a report first releases the
 * answer batches that are due ({@link #releaseDue}).
 */
@Service
public class SurveyReports {

	/** The instrument whose once-asked questions define subgroups. */
	public static final String DEMOGRAPHICS = CohortReader.DEMOGRAPHICS;

	private final PrePostAnalysis prePost;

	private final WaveAnalysis waves;

	private final CohortReader reader;

	private final ReleaseBatches releases;

	private final CohortComparison cohorts;

	private final SurveyAdministration administration;

	SurveyReports(PrePostAnalysis prePost, WaveAnalysis waves, CohortReader reader, ReleaseBatches releases,
			CohortComparison cohorts, SurveyAdministration administration) {
		this.prePost = prePost;
		this.waves = waves;
		this.reader = reader;
		this.releases = releases;
		this.cohorts = cohorts;
		this.administration = administration;
	}

	/** Releases every answer batch of the course that is due, so the figures that follow include it. */
	public void releaseDue(CourseId course) {
		this.releases.releaseDue(course);
	}

	/** The subgroup questions reports may break results down by. */
	public List<Item> subgroupQuestions() {
		return this.prePost.subgroupQuestions();
	}

	/**
	 * An instrument's pre/post tables.
	 * @param subgroupId the subgroup question to break every table down by, or {@code null}
	 * @param crossId a second subgroup question, crossed with the first for the scale scores
	 */
	public PrePostReport prePost(CourseId course, Instrument instrument, Wave second, Adjustment adjustment,
			String subgroupId, String crossId) {
		return this.prePost.report(course, instrument, second, adjustment, subgroupId, crossId);
	}

	/** One wave of an instrument as distributions and comments. */
	public WaveReport wave(CourseId course, Instrument instrument, Wave wave) {
		return this.waves.report(course, instrument, wave);
	}

	/** Invited and responded per instrument, as counts only. */
	public List<ResponseRate> responseRates(CourseId course, List<Instrument> instruments) {
		return this.waves.responseRates(course, instruments);
	}

	/** One pre/post instrument's gains, cohort by cohort. */
	public CohortComparisonReport compareCohorts(CourseId course, Instrument instrument) {
		return this.cohorts.compare(course, instrument);
	}

	/** Whether the course's figures include the demo's made-up cohort. */
	public boolean hasSynthetic(CourseId course) {
		return this.reader.hasSynthetic(course);
	}

	/** The waves of these instruments whose window is open today, instrument by instrument. */
	public List<HeldWave> held(CourseId course, List<Instrument> instruments) {
		LocalDate today = this.administration.today();
		List<SurveyWindow> open = this.administration.windows(course)
			.stream()
			.filter(w -> w.isOpenOn(today))
			.sorted(Comparator.comparing(SurveyWindow::wave))
			.toList();
		List<HeldWave> held = new ArrayList<>();
		for (Instrument instrument : instruments) {
			open.stream()
				.filter(w -> w.instrumentId().equals(instrument.id()))
				.forEach(w -> held.add(new HeldWave(instrument.id(), instrument.title(), w.wave().label(), w.closesOn())));
		}
		return held;
	}

}
