package org.coachapproach.lti.services;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.coachapproach.lti.http.PlatformHttp;
import org.coachapproach.lti.launch.LtiRoles;
import org.coachapproach.lti.registration.Registration;
import org.coachapproach.lti.registration.Registrations;
import org.coachapproach.people.CourseId;
import org.coachapproach.people.Enrolment;
import org.coachapproach.people.MembershipStatus;
import org.coachapproach.people.People;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads a course's roster from the platform (NRPS 2.0): every page, following
 * {@code Link: rel="next"}, and only then replaces the roster in {@code people}, in one
 * transaction. A page that fails leaves the previous roster as it was. Syncs run from
 * {@link RosterSyncQueue}, whose claim keeps one course's syncs from overlapping.
 */
@Component
class RosterSync {

	static final String MEMBERSHIPS = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";

	private static final Logger log = LoggerFactory.getLogger(RosterSync.class);

	private static final int MAX_PAGES = 500;

	private static final int MAX_PAGE_BYTES = 8 * 1024 * 1024;

	private static final int MAX_MEMBERS = 50_000;

	private final CourseServices services;

	private final Registrations registrations;

	private final ServiceTokens tokens;

	private final People people;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	RosterSync(CourseServices services, Registrations registrations, ServiceTokens tokens, People people,
			TransactionTemplate transactions, Clock clock) {
		this.services = services;
		this.registrations = registrations;
		this.tokens = tokens;
		this.people = people;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Reads the whole roster and replaces the course's.
	 * @return the number of members listed
	 * @throws ServiceCallException when the platform could not give the whole roster (nothing changed)
	 */
	int sync(CourseId course) throws ServiceCallException {
		CourseService service = this.services.find(course)
			.filter(CourseService::hasRoster)
			.orElseThrow(() -> new ServiceCallException(400, "The course's platform offers no roster service", null));
		java.time.Instant started = this.clock.instant();
		try {
			Registration registration = this.registrations.findById(service.registrationId())
				.orElseThrow(() -> new ServiceCallException(400, "The platform registration was removed", null));
			List<Enrolment> members = read(registration, service.membershipsUrl());
			if (members.isEmpty() && !this.people.roster(course).isEmpty()) {
				throw new ServiceCallException(502, "The platform listed no members; the roster was kept", null);
			}
			Integer count = this.transactions.execute(status -> {
				int listed = this.people.replaceRoster(course, members, started);
				this.services.rosterSynced(course, listed);
				return listed;
			});
			return count == null ? 0 : count;
		}
		catch (ServiceCallException ex) {
			this.services.rosterFailed(course, ex.getMessage());
			throw ex;
		}
		catch (RuntimeException ex) {
			this.services.rosterFailed(course, ex.toString());
			throw new ServiceCallException(502, "The roster could not be read: " + ex.getMessage(), null);
		}
	}

	private List<Enrolment> read(Registration registration, String firstPage) throws ServiceCallException {
		Set<String> scopes = Set.of(CourseService.ROSTER_SCOPE);
		List<Enrolment> members = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		String url = firstPage;
		boolean refreshed = false;
		for (int page = 0; url != null; page++) {
			if (page == MAX_PAGES) {
				throw new ServiceCallException(502, "The roster has more than " + MAX_PAGES + " pages", null);
			}
			HttpRequest request = HttpRequest.newBuilder(URI.create(url))
				.header("Authorization", "Bearer " + this.tokens.token(registration, scopes))
				.header("Accept", MEMBERSHIPS)
				.timeout(ServiceCalls.DEADLINE)
				.GET()
				.build();
			PlatformHttp.Answer answer;
			try {
				answer = ServiceCalls.call(registration, request, MAX_PAGE_BYTES, this.clock);
			}
			catch (ServiceCallException ex) {
				if (!ex.unauthorized() || refreshed) {
					throw ex;
				}
				// An expired token: a fresh one, once per sync.
				this.tokens.forget(registration, scopes);
				refreshed = true;
				page--;
				continue;
			}
			JsonNode body = this.json.readTree(answer.body());
			if (!body.path("members").isArray()) {
				throw new ServiceCallException(502, "Roster page without a members array: " + url, null);
			}
			for (JsonNode member : body.path("members")) {
				Enrolment enrolment = enrolment(member);
				if (enrolment != null && seen.add(enrolment.subject())) {
					members.add(enrolment);
				}
			}
			String next = ServiceCalls.next(answer).map(link -> URI.create(firstPage).resolve(link).toString()).orElse(null);
			if (next != null && !ServiceCalls.sameOrigin(next, firstPage)) {
				throw new ServiceCallException(502, "The roster's next page is on another site", null);
			}
			if (members.size() > MAX_MEMBERS) {
				throw new ServiceCallException(502, "The roster lists more than " + MAX_MEMBERS + " members", null);
			}
			url = next;
		}
		return members;
	}

	private static Enrolment enrolment(JsonNode member) {
		String subject = member.path("user_id").asString(null);
		if (subject == null || subject.isBlank() || subject.length() > 255) {
			return null;
		}
		List<String> roles = new ArrayList<>();
		member.path("roles").forEach(role -> roles.add(role.asString()));
		String name = member.path("name").asString(null);
		if (name == null) {
			String joined = (member.path("given_name").asString("") + " " + member.path("family_name").asString("")).trim();
			name = joined.isEmpty() ? null : joined;
		}
		MembershipStatus status = switch (member.path("status").asString("Active").toLowerCase(Locale.ROOT)) {
			case "inactive" -> MembershipStatus.INACTIVE;
			case "deleted" -> MembershipStatus.DELETED;
			default -> MembershipStatus.ACTIVE;
		};
		return new Enrolment(subject, name, member.path("email").asString(null), LtiRoles.map(roles), status);
	}

}
