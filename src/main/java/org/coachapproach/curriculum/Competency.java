package org.coachapproach.curriculum;

import java.util.List;

/** One ICF core competency, summarised in the program's own words. */
public record Competency(String id, int number, String domainId, String title, String summary,
		List<String> behaviours, List<String> examples) {

	public Competency {
		behaviours = List.copyOf(behaviours);
		examples = List.copyOf(examples);
	}

}
