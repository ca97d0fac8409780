package org.coachapproach.demoplatform;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.coachapproach.demoplatform.course.DemoCourse;
import org.coachapproach.demoplatform.course.DemoPerson;
import org.coachapproach.demoplatform.course.DemoPlatformProperties;
import org.coachapproach.demoplatform.course.DemoRoster;
import org.coachapproach.demoplatform.course.DemoSites;
import org.coachapproach.demoplatform.launch.CourseItem;
import org.coachapproach.demoplatform.launch.CourseItems;
import org.coachapproach.demoplatform.registration.ToolRegistration;
import org.coachapproach.demoplatform.registration.ToolSelfRegistration;
import org.coachapproach.demoplatform.services.AccessTokens;
import org.coachapproach.demoplatform.services.Gradebook;
import org.coachapproach.demoplatform.services.LineItem;
import org.coachapproach.demoplatform.services.Score;
import org.coachapproach.demoplatform.services.ServiceFaults;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The demo platform as tests (and the curious) see it: whether the tool is registered, under
 * which client and deployment, and where to open a launch as one of the demo course's people
 * ({@code mentor}, {@code mentee}, {@code instructor}, {@code staff}); the items placed by deep
 * linking, the gradebook the tool fills, the roster it reads; and failures to plan for the
 * service endpoints. Only plain data crosses here.
 */
@Component
@ConditionalOnBooleanProperty("coachapproach.demo.enabled")
public class DemoPlatform {

	private final DemoSites sites;

	private final DemoRoster roster;

	private final ToolSelfRegistration registration;

	private final CourseItems items;

	private final Gradebook gradebook;

	private final ServiceFaults faults;

	private final AccessTokens tokens;

	private final int rosterPageSize;

	DemoPlatform(DemoSites sites, DemoRoster roster, ToolSelfRegistration registration, CourseItems items,
			Gradebook gradebook, ServiceFaults faults, AccessTokens tokens,
			DemoPlatformProperties properties) {
		this.sites = sites;
		this.roster = roster;
		this.registration = registration;
		this.items = items;
		this.gradebook = gradebook;
		this.faults = faults;
		this.tokens = tokens;
		this.rosterPageSize = properties.rosterPageSize();
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
		return coursePage(person, "/launch");
	}

	/**
	 * The course page that sends the tool an {@code LtiDeepLinkingRequest} ("Add content") as
	 * {@code person}, who must be {@code instructor} or {@code staff}; its {@code tool-frame}
	 * opens the login initiation.
	 */
	public URI deepLinkingLaunchUrl(String person) {
		if (!person(person).isInstructor()) {
			throw new IllegalArgumentException("Only instructors add content; '" + person + "' is not one");
		}
		return coursePage(person, "/deep_linking");
	}

	/** The items placed in the course by deep linking, oldest first. */
	public List<DemoCourseItem> courseItems() {
		String course = this.roster.course().id();
		return this.items.items(course).stream().map(this::courseItem).toList();
	}

	/**
	 * Places an item in the course directly, as an instructor editing the course would (not
	 * through deep linking): a link to {@code url} with {@code custom} parameters and, when
	 * {@code scoreMaximum} is not null, a gradebook column labelled {@code title}. For tests of
	 * links the tool did not write, e.g. to content that no longer exists.
	 */
	public DemoCourseItem placeItem(String title, String url, Map<String, String> custom, Double scoreMaximum) {
		String clientId = clientId().orElseThrow(() -> new IllegalStateException("The tool is not registered"));
		Gradebook.LineItemFields lineItem = (scoreMaximum != null)
				? new Gradebook.LineItemFields(title, scoreMaximum, null, null, null) : null;
		return courseItem(this.items.place(this.roster.course().id(), clientId, title, null, url, custom, lineItem));
	}

	/** The course page that launches a placed item (its resource link) as {@code person}. */
	public URI itemLaunchUrl(String person, String itemId) {
		if (this.items.find(this.roster.course().id(), itemId).isEmpty()) {
			throw new IllegalArgumentException("No course item '" + itemId + "'");
		}
		return coursePage(person, "/items/" + itemId + "/launch");
	}

	/** The instructor's gradebook page, as {@code person} ({@code instructor} or {@code staff}). */
	public URI gradebookUrl(String person) {
		return coursePage(person, "/gradebook");
	}

	/** The LTI user id ({@code sub}, NRPS {@code user_id}, AGS {@code userId}) of a demo person. */
	public String subject(String person) {
		return person(person).subject();
	}

	/** The course's line items, oldest first. */
	public List<DemoLineItem> lineItems() {
		return this.gradebook.lineItems(this.roster.course().id(), null, null, null)
			.stream()
			.map(item -> new DemoLineItem(item.url(this.sites), item.label(), item.scoreMaximum(), item.resourceId(),
					item.tag(), item.resourceLinkId()))
			.toList();
	}

	/** Every score accepted, oldest first (refused and failed posts are not among them). */
	public List<DemoScore> scoresReceived() {
		String course = this.roster.course().id();
		Map<Long, String> urls = new HashMap<>();
		for (LineItem item : this.gradebook.lineItems(course, null, null, null)) {
			urls.put(item.id(), item.url(this.sites));
		}
		return this.gradebook.scores(course).stream().map(score -> score(score, urls.get(score.lineItemId()))).toList();
	}

	/** How many scores were accepted for {@code userId} on the line item at {@code lineItemUrl}. */
	public long scorePostCount(String lineItemUrl, String userId) {
		return scoresReceived().stream()
			.filter(score -> score.lineItemUrl().equals(lineItemUrl) && score.userId().equals(userId))
			.count();
	}

	/** Requests {@code service} received since start, whatever was answered (planned failures included). */
	public long requestsReceived(DemoService service) {
		return this.faults.received(service);
	}

	/**
	 * Makes the next {@code count} requests to {@code service} answer {@code status} (with
	 * {@code Retry-After: retryAfter} unless null) instead of being served; replaces any plan.
	 */
	public void failNext(DemoService service, int count, int status, String retryAfter) {
		this.faults.plan(service, 0, count, status, retryAfter);
	}

	/** As {@link #failNext}, once {@code served} more requests have been served normally (e.g. a roster's later page). */
	public void failAfter(DemoService service, int served, int count, int status, String retryAfter) {
		this.faults.plan(service, served, count, status, retryAfter);
	}

	/** Forgets every planned failure. */
	public void clearFailures() {
		this.faults.clear();
	}

	/** Lets every access token issued so far expire now: the services then answer 401. */
	public void expireAccessTokens() {
		this.tokens.expireAll();
	}

	/** The NRPS default page size ({@code coachapproach.demo.roster-page-size}, 50 unless set). */
	public int rosterPageSize() {
		return this.rosterPageSize;
	}

	/** How many members the roster lists (Inactive and Deleted ones included). */
	public int rosterSize() {
		return this.roster.members().size();
	}

	/** The token endpoint's URL. */
	public String tokenUrl() {
		return this.sites.platform("/demo/token");
	}

	/** The course's line items service URL (the AGS claim's {@code lineitems}). */
	public String lineItemsUrl() {
		return this.sites.platform("/demo/api/courses/" + this.roster.course().id() + "/line_items");
	}

	/** The course's roster URL (the NRPS claim's {@code context_memberships_url}). */
	public String namesAndRolesUrl() {
		return this.sites.platform("/demo/api/courses/" + this.roster.course().id() + "/names_and_roles");
	}

	private DemoCourseItem courseItem(CourseItem item) {
		String lineItem = (item.lineItemId() != null) ? lineItemsUrl() + "/" + item.lineItemId() : null;
		return new DemoCourseItem(item.id(), item.resourceLinkId(), item.title(), item.text(), item.url(),
				item.custom(), lineItem);
	}

	private static DemoScore score(Score score, String lineItemUrl) {
		return new DemoScore(lineItemUrl, score.userId(), score.scoreGiven(), score.scoreMaximum(), score.comment(),
				score.activityProgress(), score.gradingProgress(), score.timestamp(), score.submission(),
				score.receivedAt());
	}

	private DemoPerson person(String person) {
		return this.roster.person(person)
			.orElseThrow(() -> new IllegalArgumentException("No demo person '" + person + "'; there are "
					+ this.roster.people().stream().map(DemoPerson::id).toList()));
	}

	private URI coursePage(String person, String path) {
		DemoPerson known = person(person);
		DemoCourse course = this.roster.course();
		return UriComponentsBuilder.fromUriString(this.sites.platform("/demo/courses/{course}" + path))
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
