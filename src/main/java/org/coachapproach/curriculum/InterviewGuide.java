package org.coachapproach.curriculum;

import java.util.List;
import java.util.Set;

import org.coachapproach.curriculum.Instrument.Audience;

/**
 * A guide for the program's qualitative evaluation, from {@code evaluation/<id>.md}: the
 * consent script, questions and probes an interviewer uses with mentors and mentees. Content
 * for staff, never a survey: nothing anyone says in an interview is stored by the tool.
 *
 * @param body CommonMark Markdown
 */
public record InterviewGuide(String id, String title, Set<Audience> audiences, int durationMinutes, String body) {

	public InterviewGuide {
		audiences = Set.copyOf(audiences);
	}

	/** The audiences in a stable order (mentor, then mentee). */
	public List<Audience> audienceList() {
		return java.util.stream.Stream.of(Audience.values()).filter(this.audiences::contains).toList();
	}

}
