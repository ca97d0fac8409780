package org.coachapproach.lti.services;

import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.coachapproach.lti.placement.ContentCatalog;
import org.coachapproach.lti.placement.Offer;
import org.coachapproach.lti.placement.PlacedItem;
import org.coachapproach.lti.registration.Registration;
import org.coachapproach.lti.registration.Registrations;
import org.coachapproach.people.CourseId;
import org.coachapproach.people.People;
import org.coachapproach.people.PersonId;
import org.coachapproach.people.PlatformIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the score outbox (AGS 2.0 §3.4). Rows are claimed in batches with
 * {@code FOR UPDATE SKIP LOCKED} and a lease, so several instances share the work and a crashed
 * instance's rows are picked up when the lease runs out; each score is posted by a small pool
 * of workers. Network errors, 429 and 5xx are retried with exponential backoff (honouring
 * {@code Retry-After}); an expired token is refreshed once at once; any other refusal marks the
 * row failed with the platform's answer. Only the first attempt asks Canvas for a new
 * submission, so a retry of a post that did arrive never adds a second one.
 */
@Component
class ScoreSender implements DisposableBean {

	static final String SCORE = "application/vnd.ims.lis.v1.score+json";

	static final String CANVAS_SUBMISSION = "https://canvas.instructure.com/lti/submission";

	private static final Logger log = LoggerFactory.getLogger(ScoreSender.class);

	private static final int BATCH = 200;

	private static final Duration LEASE = Duration.ofMinutes(10);

	/** This instance, as lease holder: only the holder of a row's lease may record its outcome. */
	private final String instance = java.util.UUID.randomUUID().toString();

	private static final Duration MAX_BACKOFF = Duration.ofHours(1);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final CourseServices services;

	private final Registrations registrations;

	private final LineItems lineItems;

	private final ServiceTokens tokens;

	private final People people;

	private final ContentCatalog catalog;

	private final Clock clock;

	private final org.springframework.context.MessageSource messages;

	private final Duration retryBase;

	private final int maxAttempts;

	private final ExecutorService dispatcher = Executors.newSingleThreadExecutor(daemon("score-dispatch"));

	private final ExecutorService workers;

	private final AtomicBoolean draining = new AtomicBoolean();

	private final AtomicBoolean again = new AtomicBoolean();

	private final JsonMapper json = JsonMapper.builder().build();

	private volatile boolean stopped;

	/** Rows this instance holds a lease on, released at shutdown so another instance need not wait it out. */
	private final Set<Long> leased = java.util.concurrent.ConcurrentHashMap.newKeySet();

	ScoreSender(JdbcClient jdbc, TransactionTemplate transactions, CourseServices services, Registrations registrations,
			LineItems lineItems, ServiceTokens tokens, People people, ContentCatalog catalog, Clock clock,
			org.springframework.context.MessageSource messages,
			@Value("${coachapproach.lti.scores.workers:8}") int workers,
			@Value("${coachapproach.lti.scores.retry-base:PT15S}") Duration retryBase,
			@Value("${coachapproach.lti.scores.max-attempts:25}") int maxAttempts) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.services = services;
		this.registrations = registrations;
		this.lineItems = lineItems;
		this.tokens = tokens;
		this.people = people;
		this.catalog = catalog;
		this.clock = clock;
		this.messages = messages;
		this.retryBase = retryBase;
		this.maxAttempts = maxAttempts;
		this.workers = Executors.newFixedThreadPool(workers, daemon("score-send"));
	}

	/** Starts a delivery round soon (after a commit that queued scores, and on a timer for retries). */
	void wake() {
		if (this.stopped) {
			return;
		}
		this.again.set(true);
		if (this.draining.compareAndSet(false, true)) {
			this.dispatcher.execute(this::drain);
		}
	}

	@Scheduled(fixedDelayString = "${coachapproach.lti.scores.poll:PT5S}", initialDelayString = "PT10S")
	void poll() {
		wake();
	}

	private void drain() {
		try {
			while (this.again.getAndSet(false) && !this.stopped) {
				List<Claimed> batch;
				while (!(batch = claim()).isEmpty() && !this.stopped) {
					// What every row of the batch needs, read once.
					Map<PersonId, PlatformIdentity> identities = this.people
						.identities(batch.stream().map(Claimed::person).toList());
					Map<CourseId, Optional<CourseService>> courses = new java.util.HashMap<>();
					batch.forEach(row -> courses.computeIfAbsent(row.course(), this.services::find));
					List<Callable<Boolean>> tasks = new ArrayList<>();
					for (Claimed row : batch) {
						tasks.add(() -> deliver(row, courses.get(row.course()), identities.get(row.person())));
					}
					List<Long> sent = new ArrayList<>();
					List<java.util.concurrent.Future<Boolean>> outcomes = this.workers.invokeAll(tasks);
					for (int i = 0; i < batch.size(); i++) {
						if (Boolean.TRUE.equals(outcome(outcomes.get(i)))) {
							sent.add(batch.get(i).id());
						}
					}
					markSent(sent);
					batch.forEach(row -> this.leased.remove(row.id()));
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			log.warn("Score delivery round stopped: {}", ex.toString());
		}
		finally {
			this.draining.set(false);
			if (this.again.get() && !this.stopped) {
				wake();
			}
		}
	}

	record Claimed(long id, CourseId course, PersonId person, String itemKey, String itemLabel, Instant completedAt,
			int attempt) {
	}

	/** Takes due rows for this instance for the length of a lease; each claim counts as an attempt. */
	List<Claimed> claim() {
		return this.transactions.execute(status -> {
			Timestamp now = Timestamp.from(this.clock.instant());
			List<Long> ids = this.jdbc.sql("""
					SELECT id FROM lti_score WHERE status = 'PENDING' AND next_attempt_at <= ?
					    AND (locked_until IS NULL OR locked_until < ?)
					ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED""")
				.params(now, now, BATCH)
				.query(Long.class)
				.list();
			if (ids.isEmpty()) {
				return List.of();
			}
			this.jdbc.sql("UPDATE lti_score SET locked_until = :until, locked_by = :me, attempts = attempts + 1 WHERE id IN (:ids)")
				.param("until", Timestamp.from(this.clock.instant().plus(LEASE)))
				.param("me", this.instance)
				.param("ids", ids)
				.update();
			this.leased.addAll(ids);
			return this.jdbc.sql("SELECT * FROM lti_score WHERE id IN (:ids) ORDER BY id")
				.param("ids", ids)
				.query((rs, row) -> new Claimed(rs.getLong("id"), new CourseId(rs.getLong("course_id")),
						new PersonId(rs.getLong("person_id")), rs.getString("item_key"), rs.getString("item_label"),
						rs.getTimestamp("completed_at").toInstant(), rs.getInt("attempts")))
				.list();
		});
	}

	/** One commit for the whole batch's deliveries: a commit per score would cost a log flush each. */
	private void markSent(List<Long> ids) {
		if (!ids.isEmpty()) {
			this.jdbc.sql("""
					UPDATE lti_score SET status = 'SENT', sent_at = :at, locked_until = NULL, last_status = 200, last_error = NULL
					WHERE id IN (:ids) AND locked_by = :me AND status = 'PENDING'""")
				.param("at", Timestamp.from(this.clock.instant()))
				.param("me", this.instance)
				.param("ids", ids)
				.update();
		}
	}

	private static Boolean outcome(java.util.concurrent.Future<Boolean> future) {
		try {
			return future.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (java.util.concurrent.ExecutionException ex) {
			return false;
		}
	}

	/** @return whether the platform has the score; a failure is recorded on the row at once */
	boolean deliver(Claimed row, Optional<CourseService> course, PlatformIdentity person) {
		try {
			CourseService service = course.filter(CourseService::acceptsScores)
				.orElseThrow(() -> new ServiceCallException(400, "The course's platform no longer takes scores", null));
			Registration registration = this.registrations.findById(service.registrationId())
				.orElseThrow(() -> new ServiceCallException(400, "The platform registration was removed", null));
			PlatformIdentity identity = Optional.ofNullable(person)
				.orElseThrow(() -> new ServiceCallException(400, "Person " + row.person() + " unknown", null));
			post(service, registration, identity, row, true);
			return true;
		}
		catch (ServiceCallException ex) {
			failed(row, ex);
		}
		catch (RuntimeException ex) {
			failed(row, new ServiceCallException(0, ex.toString(), null));
		}
		return false;
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

	private void failed(Claimed row, ServiceCallException ex) {
		String error = Optional.ofNullable(ex.getMessage()).orElse("error");
		error = error.length() > 2000 ? error.substring(0, 2000) : error;
		boolean retry = ex.retryable() && row.attempt() < this.maxAttempts;
		Instant next = this.clock.instant().plus(retry ? backoff(row.attempt(), ex.retryAfter()) : Duration.ZERO);
		this.jdbc.sql("""
				UPDATE lti_score SET status = ?, next_attempt_at = ?, locked_until = NULL, last_status = ?, last_error = ?
				WHERE id = ? AND locked_by = ? AND status = 'PENDING'""")
			.params(retry ? "PENDING" : "FAILED", Timestamp.from(next), ex.status(), error, row.id(), this.instance)
			.update();
		if (!retry) {
			log.warn("Score {} for {} refused by the platform: {}", row.itemKey(), row.person(), error);
		}
	}

	/** Exponential with jitter, at least what the platform asked for, at most an hour (unless it asked for more). */
	Duration backoff(int attempt, Duration retryAfter) {
		long base = this.retryBase.toMillis() << Math.min(attempt - 1, 20);
		long capped = Math.min(base, MAX_BACKOFF.toMillis());
		long jittered = (long) (capped * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble()));
		Duration wait = Duration.ofMillis(jittered);
		return retryAfter != null && retryAfter.compareTo(wait) > 0 ? retryAfter : wait;
	}

	@Override
	public void destroy() throws InterruptedException {
		this.stopped = true;
		this.dispatcher.shutdownNow();
		this.workers.shutdownNow();
		this.dispatcher.awaitTermination(5, TimeUnit.SECONDS);
		this.workers.awaitTermination(5, TimeUnit.SECONDS);
		if (!this.leased.isEmpty()) {
			try {
				this.jdbc.sql("UPDATE lti_score SET locked_until = NULL WHERE status = 'PENDING' AND locked_by = :me AND id IN (:ids)")
					.param("me", this.instance)
					.param("ids", List.copyOf(this.leased))
					.update();
			}
			catch (RuntimeException ex) {
				log.info("Score leases not released at shutdown ({}); they lapse in {}", ex.getMessage(), LEASE);
			}
		}
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
