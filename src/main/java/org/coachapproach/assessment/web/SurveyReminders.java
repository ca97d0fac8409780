package org.coachapproach.assessment.web;

import java.util.List;

import org.coachapproach.assessment.OwnResponse;
import org.coachapproach.assessment.SurveyAdministration;
import org.coachapproach.assessment.SurveyResponses;
import org.coachapproach.people.Member;

import org.springframework.stereotype.Component;

/**
 * The reminder banner the layout shows a respondent on every page while a survey they have not
 * submitted is open ({@code ${@surveyReminders.pending(member)}}).
 */
@Component("surveyReminders")
public class SurveyReminders {

	private final SurveyAdministration administration;

	private final SurveyResponses responses;

	SurveyReminders(SurveyAdministration administration, SurveyResponses responses) {
		this.administration = administration;
		this.responses = responses;
	}

	public List<Reminder> pending(Member member) {
		if (member == null || member.course() == null || member.programRole() == null || member.isStaff()) {
			return List.of();
		}
		return this.administration.openFor(member)
			.stream()
			.filter(open -> !this.responses.own(member, open.instrument().id(), open.window().wave())
				.map(OwnResponse::submitted)
				.orElse(false))
			.map(open -> new Reminder(open.instrument().title(), open.window().closesOn().toString(),
					"/surveys/" + open.instrument().id() + "/" + open.window().wave().label()))
			.toList();
	}

	public record Reminder(String title, String closesOn, String path) {
	}

}
