package org.coachapproach.demoplatform.services;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.coachapproach.demoplatform.course.DemoCourse;
import org.coachapproach.demoplatform.course.DemoPerson;
import org.coachapproach.demoplatform.course.DemoRoster;
import org.coachapproach.demoplatform.course.DemoSites;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/** The instructor's gradebook: the course's learners by the tool's line items, with their latest scores. */
@Controller("demoGradebookController")
@ConditionalOnBooleanProperty("coachapproach.demo.enabled")
class GradebookController {

	private final DemoRoster roster;

	private final DemoSites sites;

	private final Gradebook gradebook;

	GradebookController(DemoRoster roster, DemoSites sites, Gradebook gradebook) {
		this.roster = roster;
		this.sites = sites;
		this.gradebook = gradebook;
	}

	@GetMapping("/demo/courses/{course}/gradebook")
	String gradebook(@PathVariable("course") String courseId, @RequestParam("person") String personId, Model model) {
		DemoCourse course = this.roster.course(courseId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such demo course"));
		DemoPerson person = this.roster.person(personId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such person in the demo course"));
		if (!person.isInstructor()) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only instructors see the gradebook");
		}
		List<LineItem> lineItems = this.gradebook.lineItems(course.id(), null, null, null);
		Map<String, Score> latest = new HashMap<>();
		for (Score score : this.gradebook.scores(course.id())) {
			latest.put(score.lineItemId() + " " + score.userId(), score);
		}
		List<DemoPerson> learners = this.roster.members()
			.stream()
			.filter(member -> member.roles().contains(DemoPerson.LEARNER))
			.toList();
		model.addAttribute("course", course);
		model.addAttribute("person", person);
		model.addAttribute("lineItems", lineItems);
		model.addAttribute("learners", learners);
		model.addAttribute("scores", latest);
		model.addAttribute("courseUrl",
				UriComponentsBuilder.fromUriString(this.sites.platform("/demo/courses/{course}/launch"))
					.queryParam("person", "{person}")
					.encode()
					.buildAndExpand(course.id(), person.id())
					.toUriString());
		return "demoplatform/gradebook";
	}

}
