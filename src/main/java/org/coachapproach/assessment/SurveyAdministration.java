package org.coachapproach.assessment;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.coachapproach.curriculum.Curriculum;
import org.coachapproach.curriculum.Instrument;
import org.coachapproach.curriculum.Instrument.Wave;
import org.coachapproach.curriculum.ProgramClock;
import org.coachapproach.people.CourseId;
import org.coachapproach.people.Member;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Windows and switches per course and instrument, set by instructors and staff. */
@Service
public class SurveyAdministration {

	private final JdbcClient jdbc;

	private final Curriculum curriculum;

	private final ProgramClock clock;

	SurveyAdministration(JdbcClient jdbc, Curriculum curriculum, ProgramClock clock) {
		this.jdbc = jdbc;
		this.curriculum = curriculum;
		this.clock = clock;
	}

	public static boolean mayAdminister(Member member) {
		return member.course() != null && (member.isInstructor() || member.isStaff());
	}

	public LocalDate today() {
		return this.clock.today();
	}

	public InstrumentSettings settings(CourseId course, String instrumentId) {
		return this.jdbc.sql("""
				SELECT completion_credit, retrospective, follow_up FROM assessment_instrument_settings
				WHERE course_id = ? AND instrument_id = ?""")
			.params(course.value(), instrumentId)
			.query((rs, row) -> new InstrumentSettings(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3)))
			.optional()
			.orElse(InstrumentSettings.DEFAULTS);
	}

	public List<SurveyWindow> windows(CourseId course) {
		return this.jdbc.sql("""
				SELECT instrument_id, wave, opens_on, closes_on FROM assessment_window WHERE course_id = ?
				ORDER BY instrument_id, opens_on""")
			.param(course.value())
			.query((rs, row) -> {
				Optional<Wave> wave = Wave.fromLabel(rs.getString(2));
				return wave.isEmpty() ? null : new SurveyWindow(rs.getString(1), wave.get(), rs.getDate(3).toLocalDate(),
						rs.getDate(4).toLocalDate());
			})
			.list()
			.stream()
			.filter(java.util.Objects::nonNull)
			.toList();
	}

	/** The courses that have at least one survey window. */
	public List<CourseId> coursesWithWindows() {
		return this.jdbc.sql("SELECT DISTINCT course_id FROM assessment_window ORDER BY course_id")
			.query((rs, row) -> new CourseId(rs.getLong(1)))
			.list();
	}

	public Optional<SurveyWindow> window(CourseId course, String instrumentId, Wave wave) {
		return windows(course).stream().filter(w -> w.instrumentId().equals(instrumentId) && w.wave() == wave).findFirst();
	}

	/** Whether the wave runs in this course: a regular wave, or an optional one staff switched on. */
	public boolean runs(CourseId course, Instrument instrument, Wave wave) {
		return instrument.waves().contains(wave)
				|| (instrument.optionalWaves().contains(wave) && wave == Wave.FOLLOW_UP
						&& settings(course, instrument.id()).followUp());
	}

	/**
	 * Replaces an instrument's settings and windows in a course. A wave with neither date
	 * has no window; a window needs both dates, the close on or after the open.
	 * @param dates per wave, {opens, closes}, either possibly {@code null}
	 * @throws AnswersRefusedException naming each wave whose dates are wrong (nothing saved)
	 */
	@Transactional
	public void change(CourseId course, Instrument instrument, InstrumentSettings settings,
			Map<Wave, LocalDate[]> dates) {
		List<AnswerProblem> problems = new ArrayList<>();
		List<SurveyWindow> windows = new ArrayList<>();
		dates.forEach((wave, pair) -> {
			LocalDate opens = pair[0];
			LocalDate closes = pair[1];
			if (!instrument.runsIn(wave)) {
				problems.add(new AnswerProblem(wave.label(), "windowWave"));
			}
			else if (opens == null && closes == null) {
				return;
			}
			else if (opens == null || closes == null) {
				problems.add(new AnswerProblem(wave.label(), "windowIncomplete"));
			}
			else if (closes.isBefore(opens)) {
				problems.add(new AnswerProblem(wave.label(), "windowOrder"));
			}
			else {
				windows.add(new SurveyWindow(instrument.id(), wave, opens, closes));
			}
		});
		if (!problems.isEmpty()) {
			throw new AnswersRefusedException(problems);
		}
		Timestamp now = Timestamp.from(this.clock.now());
		this.jdbc.sql("""
				INSERT INTO assessment_instrument_settings (course_id, instrument_id, completion_credit, retrospective, follow_up, updated_at)
				VALUES (?, ?, ?, ?, ?, ?)
				ON DUPLICATE KEY UPDATE completion_credit = VALUES(completion_credit), retrospective = VALUES(retrospective),
				    follow_up = VALUES(follow_up), updated_at = VALUES(updated_at)""")
			.params(course.value(), instrument.id(), settings.completionCredit(), settings.retrospective(),
					settings.followUp(), now)
			.update();
		this.jdbc.sql("DELETE FROM assessment_window WHERE course_id = ? AND instrument_id = ?")
			.params(course.value(), instrument.id())
			.update();
		for (SurveyWindow w : windows) {
			this.jdbc.sql("""
					INSERT INTO assessment_window (course_id, instrument_id, wave, opens_on, closes_on, updated_at)
					VALUES (?, ?, ?, ?, ?, ?)""")
				.params(course.value(), instrument.id(), w.wave().label(), w.opensOn(), w.closesOn(), now)
				.update();
		}
	}

	/** The surveys this member is asked in their course whose window is open today. */
	public List<OpenSurvey> openFor(Member member) {
		if (member.course() == null || member.programRole() == null) {
			return List.of();
		}
		LocalDate today = today();
		List<OpenSurvey> open = new ArrayList<>();
		for (SurveyWindow w : windows(member.course())) {
			if (!w.isOpenOn(today)) {
				continue;
			}
			this.curriculum.instrument(w.instrumentId())
				.filter(i -> i.asks(member.programRole()) && runs(member.course(), i, w.wave()))
				.ifPresent(i -> open.add(new OpenSurvey(i, w)));
		}
		return open;
	}

	/** An instrument's wave open to a member now. */
	public record OpenSurvey(Instrument instrument, SurveyWindow window) {
	}

}
