package org.coachapproach.demoplatform.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.coachapproach.demoplatform.DemoPlatform;
import org.coachapproach.demoplatform.internal.DemoPerson;
import org.coachapproach.demoplatform.internal.DemoRoster;
import org.coachapproach.demoplatform.internal.DemoSites;
import org.coachapproach.demoplatform.internal.ToolSelfRegistration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** The demo's front page: the course, its people, and whether the tool is registered. */
@Controller
@ConditionalOnBooleanProperty("coachapproach.demo.enabled")
class DemoHomeController {

	private final DemoPlatform platform;

	private final DemoRoster roster;

	private final DemoSites sites;

	private final ToolSelfRegistration registration;

	DemoHomeController(DemoPlatform platform, DemoRoster roster, DemoSites sites, ToolSelfRegistration registration) {
		this.platform = platform;
		this.roster = roster;
		this.sites = sites;
		this.registration = registration;
	}

	@GetMapping("/demo")
	String home(Model model) {
		Map<String, String> launchUrls = new LinkedHashMap<>();
		for (DemoPerson person : this.roster.people()) {
			launchUrls.put(person.id(), this.platform.launchUrl(person.id()).toString());
		}
		model.addAttribute("course", this.roster.course());
		model.addAttribute("people", this.roster.people());
		model.addAttribute("launchUrls", launchUrls);
		model.addAttribute("state", this.registration.state());
		model.addAttribute("registration", this.registration.current().orElse(null));
		model.addAttribute("failure", this.registration.lastFailure().orElse(null));
		model.addAttribute("toolUrl", this.sites.toolUrl());
		model.addAttribute("platformUrl", this.sites.platformUrl());
		return "demoplatform/home";
	}

	/** Registers the tool again in the browser, as Canvas does: the tool's page in a frame. */
	@PostMapping("/demo/tool-registration")
	String registerAgain(Model model) {
		model.addAttribute("registrationUrl", this.registration.registrationUrl().toString());
		model.addAttribute("toolOrigin", this.sites.toolOrigin());
		model.addAttribute("homeUrl", this.sites.platform("/demo"));
		return "demoplatform/register";
	}

}
