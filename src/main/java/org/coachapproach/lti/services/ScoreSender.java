package org.coachapproach.lti.services;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.coachapproach.lti.placement.ContentCatalog;
import org.coachapproach.lti.placement.Offer;
import org.coachapproach.lti.placement.PlacedItem;
import org.coachapproach.lti.registration.Registration;
import org.coachapproach.lti.registration.Registrations;
import org.coachapproach.outbox.Claim;
import org.coachapproach.outbox.Delivery;
import org.coachapproach.outbox.Outbox;
import org.coachapproach.outbox.OutboxSettings;
import org.coachapproach.outbox.OutboxTable;
import org.coachapproach.outbox.Outboxes;
import org.coachapproach.people.CourseId;
import org.coachapproach.people.People;
import org.coachapproach.people.PersonId;
import org.coachapproach.people.PlatformIdentity;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.MessageSource;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Delivers the score outbox (AGS 2.0 §3.4) through the shared {@link Outbox}: rows are claimed
 * in batches under a lease, so several instances share the work and a crashed instance's rows
 * are picked up when the lease runs out; each score is posted by a small pool of workers.
 * Network errors, 429 and 5xx are retried with backoff (honouring {@code Retry-After}); an
 * expired token is refreshed once at once; any other refusal marks the row failed with the
 * platform's answer. Only the first attempt asks Canvas for a new submission, so a retry of a
 * post that did arrive never adds a second one.
 */
@Component
class ScoreSender implements SmartLifecycle, DisposableBean {

	static final String SCORE = "application/vnd.ims.lis.v1.score+json";

	static final String CANVAS_SUBMISSION = "https://canvas.instructure.com/lti/submission";

	static final OutboxTable TABLE = new OutboxTable("lti_score", "PENDING", true, 2000);

	private static final int BATCH = 200;

	private static final Duration MAX_BACKOFF = Duration.ofHours(1);

	private final JdbcClient jdbc;

	private final CourseServices services;

	private final Registrations registrations;

	private final LineItems lineItems;

	private final ServiceTokens tokens;

	private final People people;

	private final ContentCatalog catalog;

	private final Clock clock;

	private final MessageSource messages;

	private final ExecutorService workers;

	private final Outbox outbox;

	private final JsonMapper json = JsonMapper.builder().build();

	ScoreSender(Outboxes outboxes, JdbcClient jdbc, CourseServices services, Registrations registrations,
			LineItems lineItems, ServiceTokens tokens, People people, ContentCatalog catalog, Clock clock,
			MessageSource messages, ScoreProperties settings) {
		this.jdbc = jdbc;
		this.services = services;
		this.registrations = registrations;
		this.lineItems = lineItems;
		this.tokens = tokens;
		this.people = people;
		this.catalog = catalog;
		this.clock = clock;
		this.messages = messages;
		this.workers = Executors.newFixedThreadPool(settings.workers(), daemon("score-send"));
		this.outbox = outboxes.open("score-dispatch", TABLE, new OutboxSettings(BATCH, Duration.ZERO, settings.poll(),
				settings.retryBase(), MAX_BACKOFF.compareTo(settings.retryBase()) < 0 ? settings.retryBase() : MAX_BACKOFF,
				settings.maxAttempts(), settings.lease(), Duration.ofSeconds(10)), this::deliver);
	}

	/** Starts a delivery round soon (after a commit that queued scores). */
	/** Delivers soon: once the caller's transaction has committed what it queued. */
	void wake() {
		this.outbox.wakeAfterCommit();
	}

	record Claimed(long id, CourseId course, PersonId person, String itemKey, String itemLabel, Instant completedAt,
			int attempt) {
	}

	/** Posts a claimed batch, what every row needs read once, each score by a worker. */
	private Map<Long, Delivery> deliver(List<Claim> claims) throws InterruptedException {
		Map<Long, Integer> attempts = new HashMap<>();
		claims.forEach(claim -> attempts.put(claim.id(), claim.attempt()));
		List<Claimed> batch = this.jdbc.sql("SELECT * FROM lti_score WHERE id IN (:ids) ORDER BY id")
			.param("ids", List.copyOf(attempts.keySet()))
			.query((rs, row) -> new Claimed(rs.getLong("id"), new CourseId(rs.getLong("course_id")),
					new PersonId(rs.getLong("person_id")), rs.getString("item_key"), rs.getString("item_label"),
					rs.getTimestamp("completed_at").toInstant(), attempts.get(rs.getLong("id"))))
			.list();
		Map<PersonId, PlatformIdentity> identities = this.people.identities(batch.stream().map(Claimed::person).toList());
		Map<CourseId, Optional<CourseService>> courses = new HashMap<>();
		batch.forEach(row -> courses.computeIfAbsent(row.course(), this.services::find));
		List<Callable<Delivery>> tasks = new ArrayList<>();
		for (Claimed row : batch) {
			tasks.add(() -> deliver(row, courses.get(row.course()), identities.get(row.person())));
		}
		List<Future<Delivery>> outcomes = this.workers.invokeAll(tasks);
		Map<Long, Delivery> deliveries = new HashMap<>();
		for (int i = 0; i < batch.size(); i++) {
			try {
				deliveries.put(batch.get(i).id(), outcomes.get(i).get());
			}
			catch (ExecutionException ex) {
				deliveries.put(batch.get(i).id(), new Delivery.Retry(ex.getCause().toString(), 0, null));
			}
		}
		return deliveries;
	}

	/** @return delivered, or why not: a retry only for what may pass (network, 429, 5xx) */
	Delivery deliver(Claimed row, Optional<CourseService> course, PlatformIdentity person) {
		try {
			CourseService service = course.filter(CourseService::acceptsScores)
				.orElseThrow(() -> new ServiceCallException(400, "The course's platform no longer takes scores", null));
			Registration registration = this.registrations.findById(service.registrationId())
				.orElseThrow(() -> new ServiceCallException(400, "The platform registration was removed", null));
			// Checked before the line item too, so that nothing at all is asked of the platform.
			ServiceTokens.requireGranted(registration, Set.of(CourseService.SCORE_SCOPE, CourseService.LINE_ITEM_SCOPE));
			PlatformIdentity identity = Optional.ofNullable(person)
				.orElseThrow(() -> new ServiceCallException(400, "Person " + row.person() + " unknown", null));
			post(service, registration, identity, row, true);
			return new Delivery.Delivered(200);
		}
		catch (ServiceCallException ex) {
			return refused(ex);
		}
		catch (RuntimeException ex) {
			return refused(new ServiceCallException(0, ex.toString(), null));
		}
	}

	private static Delivery refused(ServiceCallException ex) {
		String error = Optional.ofNullable(ex.getMessage()).orElse("error");
		return ex.retryable() ? new Delivery.Retry(error, ex.status(), ex.retryAfter())
				: new Delivery.Failed(error, ex.status());
	}

	private void post(CourseService service, Registration registration, PlatformIdentity identity, Claimed row,
			boolean firstTry) throws ServiceCallException {
		try {
			postOnce(service, registration, identity, row);
		}
		catch (ServiceCallException ex) {
			if (firstTry && ex.unauthorized()) {
				// A token expired early or was revoked: fresh ones, once, at once.
				this.tokens.forget(registration);
				post(service, registration, identity, row, false);
				return;
			}
			if (firstTry && ex.status() == 404) {
				// The column was deleted on the platform: find or create it again, once.
				this.lineItems.forget(service, row.itemKey());
				post(service, registration, identity, row, false);
				return;
			}
			throw ex;
		}
	}

	private void postOnce(CourseService service, Registration registration, PlatformIdentity identity, Claimed row)
			throws ServiceCallException {
		int points = PlacedItem.parse(row.itemKey()).flatMap(this.catalog::offer).map(Offer::defaultPoints)
			.filter(p -> p > 0).orElse(1);
		LineItems.LineItem lineItem = this.lineItems.lineItem(service, registration, row.itemKey(), row.itemLabel(), points);
		HttpRequest request = HttpRequest.newBuilder(URI.create(ServiceCalls.withPath(lineItem.url(), "/scores")))
			.header("Authorization", "Bearer " + this.tokens.token(registration, Set.of(CourseService.SCORE_SCOPE)))
			.header("Content-Type", SCORE)
			.header("Accept", "application/json")
			.timeout(ServiceCalls.DEADLINE)
			.POST(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(score(identity, lineItem, row))))
			.build();
		ServiceCalls.call(registration, request, 64 * 1024, this.clock);
	}

	private Map<String, Object> score(PlatformIdentity identity, LineItems.LineItem lineItem, Claimed row) {
		String at = row.completedAt().truncatedTo(ChronoUnit.MILLIS).toString();
		Map<String, Object> score = new LinkedHashMap<>();
		score.put("userId", identity.subject());
		score.put("scoreGiven", lineItem.scoreMaximum());
		score.put("scoreMaximum", lineItem.scoreMaximum());
		score.put("activityProgress", "Completed");
		score.put("gradingProgress", "FullyGraded");
		score.put("timestamp", at);
		score.put("comment", this.messages.getMessage("lti.score.comment", new Object[] { row.itemLabel() },
				java.util.Locale.ENGLISH));
		score.put(CANVAS_SUBMISSION, Map.of("new_submission", row.attempt() == 1, "submission_type", "basic_lti_launch",
				"submitted_at", at));
		return score;
	}

	@Override
	public void start() {
		this.outbox.start();
	}

	/** Stops claiming and lets the batch in flight finish (its workers are still running). */
	@Override
	public void stop() {
		this.outbox.stop();
	}

	@Override
	public boolean isRunning() {
		return this.outbox.isRunning();
	}

	@Override
	public void destroy() throws InterruptedException {
		this.workers.shutdownNow();
		this.workers.awaitTermination(5, TimeUnit.SECONDS);
	}

	private static java.util.concurrent.ThreadFactory daemon(String name) {
		AtomicInteger count = new AtomicInteger();
		return runnable -> {
			Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
