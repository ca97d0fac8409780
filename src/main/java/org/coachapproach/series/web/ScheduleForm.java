package org.coachapproach.series.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.coachapproach.curriculum.SeriesCategory;
import org.coachapproach.curriculum.SeriesSession;
import org.coachapproach.series.ScheduleRefusedException;
import org.coachapproach.series.SessionDraft;

/** The staff form for an upcoming session, as posted (strings), separate from the domain. */
public record ScheduleForm(String date, String startTime, String timeZone, String durationMinutes, String title,
		String category, String presenter, String summary, String joinUrl, Boolean permissionToRecord) {

	public ScheduleForm {
		// An unticked checkbox is not posted at all.
		permissionToRecord = Boolean.TRUE.equals(permissionToRecord);
	}

	static final String DEFAULT_ZONE = "America/Chicago";

	static ScheduleForm blank() {
		return new ScheduleForm("", "12:00", DEFAULT_ZONE, "60", "", "", "", "", "", false);
	}

	static ScheduleForm of(SeriesSession s) {
		return new ScheduleForm(s.date().toString(), s.startTime().toString(), s.timeZone().getId(),
				Integer.toString(s.durationMinutes()), s.title(), s.category().label(), s.presenter(), s.summary(),
				s.joinUrl() == null ? "" : s.joinUrl(), s.permissionToRecord());
	}

	/** The draft, or the parse problems (checks of meaning are the schedule's). */
	SessionDraft toDraft() {
		List<ScheduleRefusedException.Problem> problems = new ArrayList<>();
		LocalDate day = parse(() -> LocalDate.parse(this.date.strip()), "date", problems);
		LocalTime start = parse(() -> LocalTime.parse(this.startTime.strip()), "startTime", problems);
		ZoneId zone = parse(() -> ZoneId.of(this.timeZone.strip()), "timeZone", problems);
		Integer minutes = parse(() -> Integer.valueOf(this.durationMinutes.strip()), "duration", problems);
		SeriesCategory kind = SeriesCategory.fromLabel(this.category == null ? "" : this.category).orElse(null);
		if (kind == null) {
			problems.add(ScheduleRefusedException.Problem.of("category"));
		}
		if (!problems.isEmpty()) {
			throw new ScheduleRefusedException(problems);
		}
		String join = this.joinUrl == null || this.joinUrl.isBlank() ? null : this.joinUrl.strip();
		return new SessionDraft(day, start, zone, minutes, this.title, kind, this.presenter, this.summary, join,
				this.permissionToRecord);
	}

	private static <T> T parse(java.util.function.Supplier<T> parser, String key,
			List<ScheduleRefusedException.Problem> problems) {
		try {
			return parser.get();
		}
		catch (RuntimeException ex) {
			problems.add(ScheduleRefusedException.Problem.of(key));
			return null;
		}
	}

}
