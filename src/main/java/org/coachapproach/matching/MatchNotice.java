package org.coachapproach.matching;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.coachapproach.people.PersonId;

/** An in-tool notice of a new match, shown on the person's home page until seen. */
@Entity
@Table(name = "matching_notice")
class MatchNotice {

	static final String MATCHED = "MATCHED";

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "person_id", nullable = false)
	private long personId;

	@Column(name = "pair_id", nullable = false)
	private long pairId;

	@Column(nullable = false, length = 16)
	private String kind;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "seen_at")
	private Instant seenAt;

	protected MatchNotice() {
	}

	MatchNotice(PersonId person, PairId pair, Instant at) {
		this.personId = person.value();
		this.pairId = pair.value();
		this.kind = MATCHED;
		this.createdAt = at;
	}

}
