package org.coachapproach.demoplatform.course;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.coachapproach.demoplatform.DemoPlatform;
import org.coachapproach.demoplatform.registration.ToolSelfRegistration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** The demo's front page: the course, its people, and whether the tool is registered. */
@Controller
@ConditionalOnBooleanProperty("coachapproach.demo.enabled")
class DemoHomeController {

	private static final Duration REGISTRATION_WAIT = Duration.ofSeconds(15);

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

	/**
	 * Registers the tool again, from the server: the tool's registration URL carries the
	 * registration secret when one is set, so it never goes to a browser. Waits a little for the
	 * outcome, which the home page then shows.
	 */
	@PostMapping("/demo/tool-registration")
	String registerAgain() {
		try {
			this.registration.start().get(REGISTRATION_WAIT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException | TimeoutException ex) {
			// The home page shows the state: failed, or still registering.
		}
		return "redirect:/demo";
	}

}
