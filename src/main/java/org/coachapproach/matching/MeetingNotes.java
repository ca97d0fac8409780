package org.coachapproach.matching;

import java.util.Collection;
import java.util.List;

import org.springframework.data.repository.Repository;

interface MeetingNotes extends Repository<MeetingNote, Long> {

	/** Only the author's own notes: no other path reads a note. */
	List<MeetingNote> findByAuthorIdAndMeetingIdIn(long authorId, Collection<Long> meetingIds);

	MeetingNote save(MeetingNote note);

}
