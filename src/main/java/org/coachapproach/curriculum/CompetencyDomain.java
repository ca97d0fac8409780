package org.coachapproach.curriculum;

import java.util.List;

/** One of the ICF model's four domains and the competencies it groups. */
public record CompetencyDomain(String id, String title, List<String> competencyIds) {

	public CompetencyDomain {
		competencyIds = List.copyOf(competencyIds);
	}

}
