package org.coachapproach.series;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.coachapproach.curriculum.SeriesCategory;
import org.coachapproach.curriculum.SeriesSession;
import org.coachapproach.people.PersonId;
import org.coachapproach.people.ProgramId;

/**
 * A session of the program's schedule as staff saved it: it overrides the file's session of the
 * same id, or adds one. {@code sequence} counts the changes calendars must see.
 */
@Entity
@Table(name = "series_schedule")
class ScheduleEntry {

	@EmbeddedId
	private Key id;

	@Column(name = "academic_year", nullable = false, columnDefinition = "char(9)")
	private String academicYear;

	@Column(name = "session_date", nullable = false)
	private LocalDate sessionDate;

	@Column(name = "start_time", nullable = false)
	private LocalTime startTime;

	@Column(name = "time_zone", nullable = false, length = 64)
	private String timeZone;

	@Column(name = "duration_minutes", nullable = false)
	private int durationMinutes;

	@Column(nullable = false)
	private String title;

	@Column(nullable = false, length = 40)
	private String category;

	@Column(nullable = false)
	private String presenter;

	@Column(nullable = false, columnDefinition = "text")
	private String summary;

	@Column(name = "join_url", length = 1000)
	private String joinUrl;

	@Column(name = "permission_to_record", nullable = false)
	private boolean permissionToRecord;

	@Column(nullable = false)
	private boolean cancelled;

	@Column(name = "recording_url", length = 1000)
	private String recordingUrl;

	@Column(nullable = false, length = 20)
	private String captions;

	@Column(name = "captions_url", length = 1000)
	private String captionsUrl;

	@Column(name = "transcript_url", length = 1000)
	private String transcriptUrl;

	@Column(nullable = false)
	private int sequence;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Column(name = "updated_by")
	private Long updatedBy;

	protected ScheduleEntry() {
	}

	ScheduleEntry(ProgramId program, String sessionId) {
		this.id = new Key(program.value(), sessionId);
	}

	void replace(SeriesSession s, int sequence, PersonId by, Instant at) {
		this.academicYear = s.academicYear();
		this.sessionDate = s.date();
		this.startTime = s.startTime();
		this.timeZone = s.timeZone().getId();
		this.durationMinutes = s.durationMinutes();
		this.title = s.title();
		this.category = s.category().label();
		this.presenter = s.presenter();
		this.summary = s.summary();
		this.joinUrl = s.joinUrl();
		this.permissionToRecord = s.permissionToRecord();
		this.cancelled = s.cancelled();
		this.recordingUrl = s.recordingUrl();
		this.captions = s.captions().name();
		this.captionsUrl = s.captionsUrl();
		this.transcriptUrl = s.transcriptUrl();
		this.sequence = sequence;
		this.updatedAt = at;
		this.updatedBy = by == null ? null : by.value();
	}

	ScheduledSession scheduled() {
		SeriesSession session = new SeriesSession(this.id.sessionId, this.academicYear, this.sessionDate, this.startTime,
				ZoneId.of(this.timeZone), this.durationMinutes, this.title, SeriesCategory.fromLabel(this.category).orElseThrow(),
				this.presenter, this.summary, this.recordingUrl, SeriesSession.Captions.valueOf(this.captions),
				this.captionsUrl, this.transcriptUrl, false, this.joinUrl, this.permissionToRecord, this.cancelled);
		return new ScheduledSession(session, this.sequence, this.updatedAt);
	}

	/** Session ids are unique within a program. */
	@Embeddable
	record Key(@Column(name = "program_id") long programId, @Column(name = "session_id", length = 100) String sessionId)
			implements Serializable {
	}

}
