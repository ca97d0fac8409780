package org.coachapproach.demoplatform;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.coachapproach.demoplatform.internal.DemoCourse;
import org.coachapproach.demoplatform.internal.DemoPerson;
import org.coachapproach.demoplatform.internal.DemoRoster;
import org.coachapproach.demoplatform.internal.DemoSites;
import org.coachapproach.demoplatform.internal.ToolRegistration;
import org.coachapproach.demoplatform.internal.ToolSelfRegistration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The demo platform as tests (and the curious) see it: whether the tool is registered, under
 * which client and deployment, and where to open a launch as one of the demo course's people
 * ({@code mentor}, {@code mentee}, {@code instructor}, {@code staff}).
 */
@Component
@ConditionalOnBooleanProperty("coachapproach.demo.enabled")
public class DemoPlatform {

	private final DemoSites sites;

	private final DemoRoster roster;

	private final ToolSelfRegistration registration;

	DemoPlatform(DemoSites sites, DemoRoster roster, ToolSelfRegistration registration) {
		this.sites = sites;
		this.roster = roster;
		this.registration = registration;
	}

	/** The platform's issuer ({@code iss}): its origin, {@code http://127.0.0.1:<port>} by default. */
	public String issuer() {
		return this.sites.issuer();
	}

	public RegistrationState registrationState() {
		return this.registration.state();
	}

	/** The client id of the tool's current registration, once registered. */
	public Optional<String> clientId() {
		return this.registration.current().map(ToolRegistration::clientId);
	}

	/** The deployment id of the tool's current registration, once registered. */
	public Optional<String> deploymentId() {
		return this.registration.current().map(ToolRegistration::deploymentId);
	}

	/**
	 * The course page that launches the tool as {@code person} ({@code mentor}, {@code mentee},
	 * {@code instructor} or {@code staff}), on the platform's site; open it in a browser.
	 */
	public URI launchUrl(String person) {
		DemoPerson known = this.roster.person(person)
			.orElseThrow(() -> new IllegalArgumentException("No demo person '" + person + "'; there are "
					+ this.roster.people().stream().map(DemoPerson::id).toList()));
		DemoCourse course = this.roster.course();
		return UriComponentsBuilder.fromUriString(this.sites.platform("/demo/courses/{course}/launch"))
			.queryParam("person", "{person}")
			.encode()
			.buildAndExpand(course.id(), known.id())
			.toUri();
	}

	/**
	 * Waits until the tool is registered, starting an attempt if none is under way (for
	 * instance after a failed one), for at most {@code timeout}; answers the state then.
	 */
	public RegistrationState awaitRegistration(Duration timeout) {
		if (registrationState() == RegistrationState.REGISTERED) {
			return RegistrationState.REGISTERED;
		}
		try {
			this.registration.start().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException | TimeoutException ex) {
			// The state below tells.
		}
		return registrationState();
	}

}
