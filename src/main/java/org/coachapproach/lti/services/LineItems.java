package org.coachapproach.lti.services;

import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.coachapproach.lti.http.PlatformHttp;
import org.coachapproach.lti.registration.Registration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The gradebook column that receives an item's scores in a course (AGS 2.0 §3.2): the one the
 * placed link's launches named, else one found by {@code resourceId} (and our tag), else a new
 * one. Found columns are kept, so a score costs one call.
 */
@Component
class LineItems {

	static final String CONTAINER = "application/vnd.ims.lis.v2.lineitemcontainer+json";

	static final String ITEM = "application/vnd.ims.lis.v2.lineitem+json";

	static final String TAG = "coachapproach";

	private static final int MAX_PAGES = 50;

	private static final int MAX_PAGE_BYTES = 2 * 1024 * 1024;

	private final JdbcClient jdbc;

	private final ServiceTokens tokens;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	/**
	 * Columns already found, so a burst of scores for one item costs no lookups; kept a few
	 * minutes, so a column another instance learnt from a launch is picked up.
	 */
	private final Map<String, Known> known = new java.util.concurrent.ConcurrentHashMap<>();

	private static final Duration KEEP = Duration.ofMinutes(5);

	/**
	 * How long a claim to create a column holds: a search and a create take seconds; a holder
	 * still searching past this (a platform answering each page near the call deadline) may see a
	 * second worker search as well.
	 */
	static final Duration CREATION_LEASE = Duration.ofMinutes(5);

	private static final Duration CREATION_RETRY = Duration.ofSeconds(2);

	private record Known(LineItem lineItem, Instant until) {
	}

	LineItems(JdbcClient jdbc, ServiceTokens tokens, Clock clock) {
		this.jdbc = jdbc;
		this.tokens = tokens;
		this.clock = clock;
	}

	record LineItem(String url, double scoreMaximum) {
	}

	LineItem lineItem(CourseService service, Registration registration, String itemKey, String label, int points)
			throws ServiceCallException {
		Known cached = this.known.get(service.course().value() + " " + itemKey);
		if (cached != null && this.clock.instant().isBefore(cached.until())) {
			return cached.lineItem();
		}
		LineItem found = find(service, registration, itemKey, label, points);
		this.known.put(service.course().value() + " " + itemKey, new Known(found, this.clock.instant().plus(KEEP)));
		return found;
	}

	private LineItem find(CourseService service, Registration registration, String itemKey, String label, int points)
			throws ServiceCallException {
		Optional<Stored> stored = storedItem(service, itemKey);
		if (stored.isPresent() && stored.get().scoreMaximum() != null) {
			return new LineItem(stored.get().url(), stored.get().scoreMaximum());
		}
		if (stored.isPresent() && ServiceCalls.under(stored.get().url(), service.lineItemsUrl())) {
			return store(service, itemKey, read(service, registration, stored.get().url()));
		}
		// Searching and creating is one step per course and item across every worker and instance:
		// two that both search, find nothing and create would give the gradebook two columns.
		String holder = claimCreation(service, itemKey);
		try {
			Optional<Stored> meanwhile = storedItem(service, itemKey).filter(item -> item.scoreMaximum() != null);
			if (meanwhile.isPresent()) {
				return new LineItem(meanwhile.get().url(), meanwhile.get().scoreMaximum());
			}
			LineItem found = search(service, registration, itemKey).orElse(null);
			if (found == null) {
				found = create(service, registration, itemKey, label, points);
			}
			return store(service, itemKey, found);
		}
		finally {
			this.jdbc.sql("DELETE FROM lti_line_item_creation WHERE course_id = ? AND item_key = ? AND holder = ?")
				.params(service.course().value(), itemKey, holder)
				.update();
		}
	}

	private Optional<Stored> storedItem(CourseService service, String itemKey) {
		return this.jdbc.sql("SELECT line_item_url, score_maximum FROM lti_line_item WHERE course_id = ? AND item_key = ?")
			.params(service.course().value(), itemKey)
			.query((rs, row) -> new Stored(rs.getString(1), (Double) rs.getObject(2, Double.class)))
			.optional();
	}

	private LineItem store(CourseService service, String itemKey, LineItem found) {
		this.jdbc.sql("""
				INSERT INTO lti_line_item (course_id, item_key, line_item_url, score_maximum) VALUES (?, ?, ?, ?)
				ON DUPLICATE KEY UPDATE line_item_url = VALUES(line_item_url), score_maximum = VALUES(score_maximum)""")
			.params(service.course().value(), itemKey, found.url(), found.scoreMaximum())
			.update();
		return found;
	}

	/**
	 * Claims the creation of an item's column, each statement committed on its own (no
	 * transaction is open here), so the claim holds across instances and nodes.
	 * @return the claim's holder, to release it
	 * @throws ServiceCallException a retry shortly after, while another worker holds the claim
	 */
	private String claimCreation(CourseService service, String itemKey) throws ServiceCallException {
		String holder = UUID.randomUUID().toString();
		Instant now = this.clock.instant();
		Timestamp until = Timestamp.from(now.plus(CREATION_LEASE));
		try {
			int claimed = this.jdbc.sql("""
					INSERT IGNORE INTO lti_line_item_creation (course_id, item_key, holder, claimed_until) VALUES (?, ?, ?, ?)""")
				.params(service.course().value(), itemKey, holder, until)
				.update();
			if (claimed == 0) {
				// A holder that died (or timed out) leaves its claim to lapse; the column it may have
				// created is then found by the search.
				claimed = this.jdbc.sql("""
						UPDATE lti_line_item_creation SET holder = ?, claimed_until = ?
						WHERE course_id = ? AND item_key = ? AND claimed_until < ?""")
					.params(holder, until, service.course().value(), itemKey, Timestamp.from(now))
					.update();
			}
			if (claimed == 1) {
				return holder;
			}
		}
		catch (PessimisticLockingFailureException ex) {
			// Galera: another node's claim of the same row won certification.
		}
		throw new ServiceCallException(503, "Another worker is creating the gradebook column for " + itemKey,
				CREATION_RETRY);
	}

	/** Forgets a column the platform no longer has (deleted assignment): the next score finds or creates one. */
	void forget(CourseService service, String itemKey) {
		forget(service.course(), itemKey);
		this.jdbc.sql("DELETE FROM lti_line_item WHERE course_id = ? AND item_key = ?")
			.params(service.course().value(), itemKey)
			.update();
	}

	/** Drops every in-memory copy (tests that reset the platform's gradebook). */
	void forgetAll() {
		this.known.clear();
	}

	/** Drops the in-memory copy only (a launch named the item's column anew). */
	void forget(org.coachapproach.people.CourseId course, String itemKey) {
		this.known.remove(course.value() + " " + itemKey);
	}

	private record Stored(String url, Double scoreMaximum) {
	}

	private LineItem read(CourseService service, Registration registration, String url) throws ServiceCallException {
		JsonNode item = this.json.readTree(get(registration, url, ITEM, readScopes(service)).body());
		return lineItem(item, url, service);
	}

	private Optional<LineItem> search(CourseService service, Registration registration, String itemKey)
			throws ServiceCallException {
		String url = ServiceCalls.withParameter(ServiceCalls.withParameter(service.lineItemsUrl(), "resource_id", itemKey),
				"limit", "100");
		for (int page = 0; url != null && page < MAX_PAGES; page++) {
			PlatformHttp.Answer answer = get(registration, url, CONTAINER, readScopes(service));
			JsonNode items = this.json.readTree(answer.body());
			for (JsonNode item : items) {
				// Some platforms ignore the filter: check it here.
				if (itemKey.equals(item.path("resourceId").asString(null))) {
					return Optional.of(lineItem(item, null, service));
				}
			}
			url = ServiceCalls.next(answer).map(link -> URI.create(service.lineItemsUrl()).resolve(link).toString())
				.filter(link -> ServiceCalls.sameOrigin(link, service.lineItemsUrl()))
				.orElse(null);
		}
		return Optional.empty();
	}

	private LineItem create(CourseService service, Registration registration, String itemKey, String label, int points)
			throws ServiceCallException {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("scoreMaximum", points);
		body.put("label", label);
		body.put("resourceId", itemKey);
		body.put("tag", TAG);
		Set<String> scopes = Set.of(CourseService.LINE_ITEM_SCOPE);
		HttpRequest request = HttpRequest.newBuilder(URI.create(service.lineItemsUrl()))
			.header("Authorization", "Bearer " + this.tokens.token(registration, scopes))
			.header("Content-Type", ITEM)
			.header("Accept", ITEM)
			.timeout(ServiceCalls.DEADLINE)
			.POST(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(body)))
			.build();
		PlatformHttp.Answer answer = ServiceCalls.call(registration, request, MAX_PAGE_BYTES, this.clock);
		return lineItem(this.json.readTree(answer.body()), null, service);
	}

	private PlatformHttp.Answer get(Registration registration, String url, String accept, Set<String> scopes)
			throws ServiceCallException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
			.header("Authorization", "Bearer " + this.tokens.token(registration, scopes))
			.header("Accept", accept)
			.timeout(ServiceCalls.DEADLINE)
			.GET()
			.build();
		return ServiceCalls.call(registration, request, MAX_PAGE_BYTES, this.clock);
	}

	/** The narrowest scope the platform granted that lets the tool read line items. */
	private static Set<String> readScopes(CourseService service) {
		return Set.of(service.agsScopes().contains(CourseService.LINE_ITEM_READ_SCOPE)
				&& !service.agsScopes().contains(CourseService.LINE_ITEM_SCOPE) ? CourseService.LINE_ITEM_READ_SCOPE
						: CourseService.LINE_ITEM_SCOPE);
	}

	private static LineItem lineItem(JsonNode item, String knownUrl, CourseService service) throws ServiceCallException {
		String url = item.path("id").asString(knownUrl);
		double maximum = item.path("scoreMaximum").asDouble(Double.NaN);
		if (url == null || url.isBlank() || !(maximum > 0)) {
			throw new ServiceCallException(502, "The platform returned a line item without id or positive scoreMaximum", null);
		}
		if (!ServiceCalls.under(url, service.lineItemsUrl())) {
			throw new ServiceCallException(502, "The platform returned a line item outside the course's line items", null);
		}
		return new LineItem(url, maximum);
	}

}
