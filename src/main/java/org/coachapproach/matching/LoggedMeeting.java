package org.coachapproach.matching;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.coachapproach.people.PersonId;

/** A meeting of a pair, logged by either person; behaviours are ICF competency ids. Its private note is apart. */
@Entity
@Table(name = "matching_meeting")
class LoggedMeeting {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "pair_id", nullable = false)
	private long pairId;

	@Column(name = "logged_by", nullable = false)
	private long loggedBy;

	@Column(name = "met_on", nullable = false)
	private LocalDate metOn;

	@Column(name = "duration_minutes", nullable = false, columnDefinition = "smallint")
	private int durationMinutes;

	@Column(nullable = false, length = 16)
	private String format;

	@Column(length = 2000)
	private String topics;

	@Column(nullable = false, length = 1000)
	private String behaviours;

	@Column(name = "content_hash", nullable = false, columnDefinition = "char(64)")
	private String contentHash;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	protected LoggedMeeting() {
	}

	LoggedMeeting(PairId pair, PersonId by, LocalDate metOn, int durationMinutes, String format, String topics,
			List<String> behaviours, String contentHash, Instant at) {
		this.pairId = pair.value();
		this.loggedBy = by.value();
		this.metOn = metOn;
		this.durationMinutes = durationMinutes;
		this.format = format;
		this.topics = topics;
		this.behaviours = String.join(",", behaviours);
		this.contentHash = contentHash;
		this.createdAt = at;
	}

	long id() {
		return this.id;
	}

	Meetings.Meeting view(PersonId reader, String note) {
		return new Meetings.Meeting(this.id, this.loggedBy == reader.value(), this.metOn, this.durationMinutes, this.format,
				this.topics, this.behaviours.isEmpty() ? List.of() : Arrays.asList(this.behaviours.split(",")), note);
	}

}
