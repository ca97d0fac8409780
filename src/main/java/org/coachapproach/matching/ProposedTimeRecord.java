package org.coachapproach.matching;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.coachapproach.people.PersonId;

/** A meeting time one person of a pair proposed; the other may accept it. */
@Entity
@Table(name = "matching_time_proposal")
class ProposedTimeRecord {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "pair_id", nullable = false)
	private long pairId;

	@Column(name = "proposed_by", nullable = false)
	private long proposedBy;

	@Column(name = "starts_at", nullable = false)
	private Instant startsAt;

	@Column(name = "duration_minutes", nullable = false, columnDefinition = "smallint")
	private int durationMinutes;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "accepted_at")
	private Instant acceptedAt;

	protected ProposedTimeRecord() {
	}

	ProposedTimeRecord(PairId pair, PersonId by, Instant startsAt, int durationMinutes, Instant at) {
		this.pairId = pair.value();
		this.proposedBy = by.value();
		this.startsAt = startsAt;
		this.durationMinutes = durationMinutes;
		this.createdAt = at;
	}

	void accept(Instant at) {
		this.acceptedAt = at;
	}

	Meetings.ProposedTime view(PersonId reader) {
		return new Meetings.ProposedTime(this.id, this.proposedBy == reader.value(), this.startsAt, this.durationMinutes,
				this.acceptedAt != null);
	}

}
