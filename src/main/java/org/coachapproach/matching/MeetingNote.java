package org.coachapproach.matching;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.coachapproach.people.PersonId;

/** A meeting's private note: read only by its author, never by staff pages or figures. */
@Entity
@Table(name = "matching_meeting_note")
class MeetingNote {

	@Id
	@Column(name = "meeting_id")
	private Long meetingId;

	@Column(name = "author_id", nullable = false)
	private long authorId;

	@Column(nullable = false, columnDefinition = "mediumtext")
	private String note;

	protected MeetingNote() {
	}

	MeetingNote(long meetingId, PersonId author, String note) {
		this.meetingId = meetingId;
		this.authorId = author.value();
		this.note = note;
	}

	long meetingId() {
		return this.meetingId;
	}

	String note() {
		return this.note;
	}

}
