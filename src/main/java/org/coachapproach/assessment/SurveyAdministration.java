package org.coachapproach.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.coachapproach.assessment.internal.windows.CourseInstrument;
import org.coachapproach.assessment.internal.windows.CourseInstruments;
import org.coachapproach.assessment.internal.windows.WaveWindow;
import org.coachapproach.assessment.internal.windows.WaveWindows;
import org.coachapproach.curriculum.Curriculum;
import org.coachapproach.curriculum.Instrument;
import org.coachapproach.curriculum.Instrument.Wave;
import org.coachapproach.curriculum.ProgramClock;
import org.coachapproach.people.CourseId;
import org.coachapproach.people.Member;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Windows and switches per course and instrument, set by instructors and staff; who may set
 * them, and which surveys are open to a member today.
 */
@Service
public class SurveyAdministration {

	private final WaveWindows windows;

	private final CourseInstruments settings;

	private final Curriculum curriculum;

	private final ProgramClock clock;

	SurveyAdministration(WaveWindows windows, CourseInstruments settings, Curriculum curriculum, ProgramClock clock) {
		this.windows = windows;
		this.settings = settings;
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
		return this.settings.findById(new CourseInstrument.Key(course.value(), instrumentId))
			.map(CourseInstrument::settings)
			.orElse(InstrumentSettings.DEFAULTS);
	}

	public List<SurveyWindow> windows(CourseId course) {
		List<SurveyWindow> windows = new ArrayList<>();
		for (WaveWindow w : this.windows.findByCourseIdOrderByInstrumentIdAscOpensOnAsc(course.value())) {
			// a wave label no longer known is left out, not failed on
			Wave.fromLabel(w.wave())
				.ifPresent(wave -> windows.add(new SurveyWindow(w.instrumentId(), wave, w.opensOn(), w.closesOn())));
		}
		return windows;
	}

	/** The courses that have at least one survey window. */
	public List<CourseId> coursesWithWindows() {
		return this.windows.findCourseIds().stream().map(CourseId::new).toList();
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
		Instant now = this.clock.now();
		CourseInstrument stored = this.settings.findById(new CourseInstrument.Key(course.value(), instrument.id()))
			.orElseGet(() -> new CourseInstrument(course.value(), instrument.id()));
		stored.change(settings, now);
		this.settings.save(stored);
		this.windows.deleteByCourseAndInstrument(course.value(), instrument.id());
		for (SurveyWindow w : windows) {
			this.windows.save(new WaveWindow(course.value(), instrument.id(), w.wave().label(), w.opensOn(), w.closesOn(),
					now));
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
