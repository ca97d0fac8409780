package org.coachapproach.curriculum;

import java.util.List;
import java.util.Optional;

import org.coachapproach.people.Member;
import org.coachapproach.people.ProgramRole;

/**
 * What a program director needs to run the program, from {@code facilitator/},
 * {@code handouts/} and {@code orientation/}: a facilitator guide per session, printable
 * handouts, and the mentees' orientation. Who may read each is decided here, once.
 */
public record ProgramMaterials(List<FacilitatorGuide> facilitatorGuides, List<Handout> handouts,
		MenteeOrientation menteeOrientation) {

	static final ProgramMaterials NONE = new ProgramMaterials(List.of(), List.of(), null);

	public ProgramMaterials {
		facilitatorGuides = List.copyOf(facilitatorGuides);
		handouts = List.copyOf(handouts);
	}

	public Optional<FacilitatorGuide> facilitatorGuide(String sessionId) {
		return this.facilitatorGuides.stream().filter(g -> g.sessionId().equals(sessionId)).findFirst();
	}

	public Optional<Handout> handout(String id) {
		return this.handouts.stream().filter(h -> h.id().equals(id)).findFirst();
	}

	/** The handouts that belong to a session, in id order. */
	public List<Handout> handoutsFor(String sessionId) {
		return this.handouts.stream().filter(h -> h.sessionIds().contains(sessionId)).toList();
	}

	/** Facilitator guides are for those who run the sessions: the course's instructors and staff. */
	public static boolean mayReadFacilitatorGuides(Member member) {
		return member.course() != null && member.isInstructor();
	}

	/** Handouts are for mentors in training (learners who are not mentees), instructors and staff. */
	public static boolean mayReadHandouts(Member member) {
		return member.course() != null && (member.isInstructor() || member.programRole() != ProgramRole.MENTEE);
	}

	/** The orientation is for mentees, and for the instructors and staff who introduce it. */
	public static boolean mayReadMenteeOrientation(Member member) {
		return member.course() != null && (member.isInstructor() || member.programRole() == ProgramRole.MENTEE);
	}

	/**
	 * The facilitator's guide to one session, from {@code facilitator/<session id>.md}.
	 *
	 * @param body CommonMark Markdown
	 */
	public record FacilitatorGuide(String sessionId, String title, String body) {
	}

	/**
	 * A printable handout for mentors, from {@code handouts/<id>.md}.
	 *
	 * @param sessionIds the sessions it belongs to, whose pages link to it
	 * @param body CommonMark Markdown
	 */
	public record Handout(String id, String title, List<String> sessionIds, String body) {

		public Handout {
			sessionIds = List.copyOf(sessionIds);
		}

	}

	/**
	 * What mentees read before their first meeting, from {@code orientation/mentees.md}.
	 *
	 * @param body CommonMark Markdown
	 */
	public record MenteeOrientation(String title, String body) {
	}

}
