package org.coachapproach.lti.services;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.coachapproach.lti.http.ToolUrls;
import org.coachapproach.lti.placement.PlacedItem;
import org.coachapproach.lti.registration.Registration;
import org.coachapproach.people.CourseId;
import org.coachapproach.people.Member;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The service endpoints each course's launches name (AGS line items, NRPS memberships). A
 * returning launch that names the same endpoints costs no write: the last stored values are
 * remembered in memory.
 */
@Repository
public class CourseServices {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final Map<Long, String> stored = new ConcurrentHashMap<>();

	private final Map<String, String> storedLineItems = new ConcurrentHashMap<>();

	private final LineItems lineItems;

	CourseServices(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events, LineItems lineItems) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
		this.lineItems = lineItems;
	}

	/**
	 * Records the endpoints a launch names; the first launch by someone who runs the course,
	 * in a course with a roster service, asks for a roster sync.
	 */
	public void remember(Member member, Registration registration, String deploymentId, Map<String, Object> ags,
			Map<String, Object> nrps, Map<String, String> custom) {
		boolean local = isLocal(java.net.URI.create(registration.issuer()).getHost());
		String lineItems = url(ags.get("lineitems"), local);
		String scopes = ags.get("scope") instanceof List<?> list
				? list.stream().map(String::valueOf).collect(Collectors.toCollection(TreeSet::new)).stream()
					.collect(Collectors.joining(" "))
				: null;
		String memberships = url(nrps.get("context_memberships_url"), local);
		long course = member.course().value();
		String signature = registration.id() + "|" + deploymentId + "|" + lineItems + "|" + scopes + "|" + memberships;
		if (!signature.equals(this.stored.get(course))) {
			// A launch that names no service (another placement, another key) leaves the known ones.
			this.jdbc.sql("""
					INSERT INTO lti_course_service (course_id, registration_id, deployment_id, line_items_url, ags_scopes,
					    memberships_url, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
					ON DUPLICATE KEY UPDATE
					    registration_id = IF(VALUES(line_items_url) IS NULL AND VALUES(memberships_url) IS NULL, registration_id, VALUES(registration_id)),
					    deployment_id = IF(VALUES(line_items_url) IS NULL AND VALUES(memberships_url) IS NULL, deployment_id, VALUES(deployment_id)),
					    ags_scopes = IF(VALUES(line_items_url) IS NULL, ags_scopes, VALUES(ags_scopes)),
					    line_items_url = COALESCE(VALUES(line_items_url), line_items_url),
					    memberships_url = COALESCE(VALUES(memberships_url), memberships_url), updated_at = VALUES(updated_at)""")
				.params(course, registration.id(), deploymentId, lineItems, scopes, memberships,
						Timestamp.from(this.clock.instant()))
				.update();
			afterCommit(() -> this.stored.put(course, signature));
		}
		// The placed item's own gradebook column, as the platform created it from our lineItem.
		String lineItem = url(ags.get("lineitem"), local);
		if (lineItem != null && (lineItems == null || !ServiceCalls.under(lineItem, lineItems))) {
			lineItem = null; // a column outside the course's line items is not this course's
		}
		String itemKey = custom.get(PlacedItem.CUSTOM_PARAMETER);
		if (lineItem != null && itemKey != null && PlacedItem.parse(itemKey).isPresent()
				&& !lineItem.equals(this.storedLineItems.get(course + " " + PlacedItem.parse(itemKey).get().key()))) {
			String key = PlacedItem.parse(itemKey).get().key();
			this.jdbc.sql("""
					INSERT INTO lti_line_item (course_id, item_key, line_item_url) VALUES (?, ?, ?)
					ON DUPLICATE KEY UPDATE score_maximum = IF(line_item_url = VALUES(line_item_url), score_maximum, NULL),
					    line_item_url = VALUES(line_item_url)""")
				.params(course, key, lineItem)
				.update();
			String named = lineItem;
			afterCommit(() -> {
				this.storedLineItems.put(course + " " + key, named);
				this.lineItems.forget(member.course(), key);
			});
		}
		if (memberships != null && (member.isInstructor() || member.isStaff())
				&& find(member.course()).map(s -> s.rosterSyncedAt() == null && s.rosterError() == null).orElse(false)) {
			this.events.publishEvent(new RosterSyncRequested(member.course()));
		}
	}

	public Optional<CourseService> find(CourseId course) {
		return this.jdbc.sql("SELECT * FROM lti_course_service WHERE course_id = ?")
			.param(course.value())
			.query((rs, row) -> new CourseService(course, rs.getLong("registration_id"), rs.getString("deployment_id"),
					rs.getString("line_items_url"), scopes(rs.getString("ags_scopes")), rs.getString("memberships_url"),
					Optional.ofNullable(rs.getTimestamp("roster_synced_at")).map(Timestamp::toInstant).orElse(null),
					(Integer) rs.getObject("roster_members", Integer.class), rs.getString("roster_error")))
			.optional();
	}

	void rosterSynced(CourseId course, int members) {
		this.jdbc.sql("UPDATE lti_course_service SET roster_synced_at = ?, roster_members = ?, roster_error = NULL WHERE course_id = ?")
			.params(Timestamp.from(this.clock.instant()), members, course.value())
			.update();
	}

	void rosterFailed(CourseId course, String error) {
		this.jdbc.sql("UPDATE lti_course_service SET roster_error = ? WHERE course_id = ?")
			.params(error.length() > 1000 ? error.substring(0, 1000) : error, course.value())
			.update();
	}

	/**
	 * The endpoint as given, when it is an absolute https (or loopback http) URL of sane length,
	 * and not on this machine or a private network unless the platform itself is (a local demo):
	 * a platform's claims must not steer the tool into the network it runs in.
	 */
	private static String url(Object value, boolean localPlatform) {
		if (!(value instanceof String text) || text.isBlank() || text.length() > 2048) {
			return null;
		}
		try {
			java.net.URI uri = java.net.URI.create(text);
			if (uri.getHost() == null || uri.getRawUserInfo() != null || (!localPlatform && isLocal(uri.getHost()))) {
				return null;
			}
			ToolUrls.requireSecure(uri);
			return text;
		}
		catch (IllegalArgumentException | ToolUrls.InsecureUrlException ex) {
			return null;
		}
	}

	/** Loopback, private, link-local or unique-local addresses written as such, and localhost names. */
	static boolean isLocal(String host) {
		return org.coachapproach.lti.http.LocalAddresses.isLocalName(host);
	}


	private static void afterCommit(Runnable action) {
		if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
			org.springframework.transaction.support.TransactionSynchronizationManager
				.registerSynchronization(new org.springframework.transaction.support.TransactionSynchronization() {
					@Override
					public void afterCommit() {
						action.run();
					}
				});
		}
		else {
			action.run();
		}
	}

	private static Set<String> scopes(String joined) {
		return joined == null || joined.isBlank() ? Set.of() : Set.copyOf(Arrays.asList(joined.split(" ")));
	}

	/** Forgets the in-memory copy (tests that change rows directly). */
	void forget() {
		this.stored.clear();
		this.storedLineItems.clear();
	}

}
