package org.coachapproach.curriculum;

import java.util.List;

/**
 * The training program as described in {@code program.yml}.
 *
 * @param sessionOrder the session ids in the order they are taught
 * @param meetMenteesAfterSession the session after which mentors start meeting mentees
 */
public record Program(String id, String version, String name, String description, List<String> sessionOrder,
		int meetMenteesAfterSession, String meetingExpectation) {

	public Program {
		sessionOrder = List.copyOf(sessionOrder);
	}

}
