package org.coachapproach.lti.services;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.coachapproach.lti.TestPlatform;
import org.coachapproach.lti.registration.Registration;
import org.coachapproach.lti.registration.RegistrationRequest;
import org.coachapproach.lti.registration.Registrations;
import org.coachapproach.outbox.Outbox;
import org.coachapproach.outbox.OutboxSettings;
import org.coachapproach.outbox.Outboxes;
import org.coachapproach.people.Arrival;
import org.coachapproach.people.CourseId;
import org.coachapproach.people.CourseRole;
import org.coachapproach.people.Member;
import org.coachapproach.people.People;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coachapproach.lti.services.AdvantageServicesTests.MEMBER;
import static org.coachapproach.lti.services.AdvantageServicesTests.pause;

/**
 * Roster syncs as rows, over real HTTP against a stub platform: a sync whose instance died is
 * run once after its lease, two claims never run one course's sync together, requests merge,
 * and stale rosters are queued. The queue's own poll is off so that each test drains by hand.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "coachapproach.lti.jwks-min-refetch=PT0S", "coachapproach.lti.roster.poll=PT1H",
				"coachapproach.lti.roster.check=PT1H" })
class RosterSyncQueueTests {

	static StubPlatformServices stub;

	@LocalServerPort
	int port;

	@Autowired
	Registrations registrations;

	@Autowired
	People people;

	@Autowired
	CourseServices services;

	@Autowired
	RosterSyncQueue queue;

	@Autowired
	RosterSyncRows rows;

	@Autowired
	Outboxes outboxes;

	@Autowired
	JdbcClient jdbc;

	CourseId course;

	@BeforeAll
	static void start() throws Exception {
		stub = new StubPlatformServices();
	}

	@AfterAll
	static void stop() {
		stub.close();
	}

	@BeforeEach
	void course() {
		stub.trustTool("http://localhost:" + this.port + "/lti/jwks");
		stub.members.clear();
		stub.addMember("rq-a", "Rhea Queue", "Active", MEMBER + "Learner");
		Registration registration = this.registrations.findByIssuer(StubPlatformServices.ISSUER)
			.stream()
			.filter(r -> r.clientId().equals(TestPlatform.CLIENT_ID))
			.findFirst()
			.orElseGet(() -> this.registrations.register(new RegistrationRequest(StubPlatformServices.ISSUER,
					TestPlatform.CLIENT_ID, "Stub", stub.url("/authorize"), stub.url("/token"), stub.url("/jwks"),
					List.of(TestPlatform.DEPLOYMENT_ID), false, Set.of(), "test")));
		// A learner's launch names the roster service without asking for a sync.
		Member learner = this.people.arrive(new Arrival(StubPlatformServices.ISSUER, "rq-learner", "Lee Learner", null,
				"course-roster-queue", "Roster Queue 2026", null, Set.of(CourseRole.LEARNER), null));
		this.services.remember(learner, registration, TestPlatform.DEPLOYMENT_ID, Map.of(),
				Map.of("context_memberships_url", stub.url("/courses/7/memberships")), Map.of());
		this.course = learner.course();
		this.jdbc.sql("DELETE FROM lti_roster_sync").update();
	}

	@Test
	void shouldRunASyncWhoseInstanceDiedOnceItsLeaseLapses() {
		this.rows.request(this.course, Instant.now());
		// An instance claims the sync and dies before recording anything (no release either).
		AtomicInteger claimed = new AtomicInteger();
		Outbox dying = this.outboxes.open("dying", RosterSyncQueue.TABLE, new OutboxSettings(1, Duration.ZERO,
				Duration.ofHours(1), Duration.ofSeconds(1), Duration.ofSeconds(1), 6, Duration.ofSeconds(1), Duration.ZERO),
				batch -> {
					claimed.addAndGet(batch.size());
					throw new InterruptedException("instance died");
				});
		assertThat(dying.drain()).isZero();
		Thread.interrupted();
		assertThat(claimed).hasValue(1);
		int reads = stub.rosterReads.get();

		assertThat(this.queue.drain()).as("the lease still holds").isZero();
		assertThat(this.queue.state(this.course).orElseThrow().status()).isEqualTo(RosterSyncState.Status.RUNNING);
		pause(Duration.ofMillis(1200));
		assertThat(this.queue.drain()).isEqualTo(1);
		assertThat(this.queue.drain()).isZero();

		assertThat(stub.rosterReads.get() - reads).isEqualTo(1);
		RosterSyncState state = this.queue.state(this.course).orElseThrow();
		assertThat(state.status()).isEqualTo(RosterSyncState.Status.DONE);
		assertThat(state.attempts()).isEqualTo(2);
		assertThat(this.services.find(this.course).orElseThrow().rosterMembers()).isEqualTo(1);
	}

	@Test
	void shouldNeverRunOneCourseSyncOnTwoClaimsAtOnce() throws Exception {
		this.rows.request(this.course, Instant.now());
		AtomicInteger running = new AtomicInteger();
		AtomicInteger most = new AtomicInteger();
		AtomicInteger runs = new AtomicInteger();
		OutboxSettings settings = new OutboxSettings(1, Duration.ZERO, Duration.ofHours(1), Duration.ofSeconds(1),
				Duration.ofSeconds(1), 6, Duration.ofMinutes(1), Duration.ZERO);
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService instances = Executors.newFixedThreadPool(2);
		try {
			List<Future<Integer>> drains = new java.util.ArrayList<>();
			for (int i = 0; i < 2; i++) {
				Outbox instance = this.outboxes.open("instance-" + i, RosterSyncQueue.TABLE, settings, batch -> {
					runs.incrementAndGet();
					most.accumulateAndGet(running.incrementAndGet(), Math::max);
					Thread.sleep(500);
					running.decrementAndGet();
					return Map.of(batch.get(0).id(), org.coachapproach.outbox.Delivery.delivered());
				});
				drains.add(instances.submit(() -> {
					go.await();
					return instance.drain();
				}));
			}
			go.countDown();
			int delivered = 0;
			for (Future<Integer> drain : drains) {
				delivered += drain.get(10, TimeUnit.SECONDS);
			}
			assertThat(delivered).isEqualTo(1);
		}
		finally {
			instances.shutdownNow();
		}
		assertThat(runs).hasValue(1);
		assertThat(most).hasValue(1);
		assertThat(this.queue.state(this.course).orElseThrow().status()).isEqualTo(RosterSyncState.Status.DONE);
	}

	@Test
	void shouldMergeARequestIntoThePendingOrRunningSync() {
		Instant first = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
		this.rows.request(this.course, first);
		this.rows.request(this.course, first.plusSeconds(5));
		assertThat(rowCount()).isEqualTo(1);
		assertThat(this.queue.state(this.course).orElseThrow().requestedAt()).isEqualTo(first);

		Outbox holder = this.outboxes.open("holder", RosterSyncQueue.TABLE, new OutboxSettings(1, Duration.ZERO,
				Duration.ofHours(1), Duration.ofSeconds(1), Duration.ofSeconds(1), 6, Duration.ofMinutes(1), Duration.ZERO),
				batch -> {
					// While it runs, a second request joins it rather than starting another.
					this.rows.request(RosterSyncQueueTests.this.course, Instant.now());
					assertThat(this.queue.state(this.course).orElseThrow().status())
						.isEqualTo(RosterSyncState.Status.RUNNING);
					return Map.of(batch.get(0).id(), org.coachapproach.outbox.Delivery.delivered());
				});
		assertThat(holder.drain()).isEqualTo(1);
		assertThat(rowCount()).isEqualTo(1);
		assertThat(this.queue.state(this.course).orElseThrow().status()).isEqualTo(RosterSyncState.Status.DONE);

		// Once done, a new request starts afresh.
		this.rows.request(this.course, Instant.now());
		RosterSyncState again = this.queue.state(this.course).orElseThrow();
		assertThat(again.status()).isEqualTo(RosterSyncState.Status.PENDING);
		assertThat(again.attempts()).isZero();
		assertThat(rowCount()).isEqualTo(1);
	}

	@Test
	void shouldQueueOnlyRostersOlderThanThePeriod() {
		this.jdbc.sql("UPDATE lti_course_service SET roster_synced_at = ? WHERE course_id <> ?")
			.params(java.sql.Timestamp.from(Instant.now()), this.course.value())
			.update();
		this.jdbc.sql("UPDATE lti_course_service SET roster_synced_at = ? WHERE course_id = ?")
			.params(java.sql.Timestamp.from(Instant.now().minus(Duration.ofHours(23))), this.course.value())
			.update();
		assertThat(this.queue.queueDue()).isZero();

		this.jdbc.sql("UPDATE lti_course_service SET roster_synced_at = ? WHERE course_id = ?")
			.params(java.sql.Timestamp.from(Instant.now().minus(Duration.ofHours(25))), this.course.value())
			.update();
		assertThat(this.queue.queueDue()).isEqualTo(1);
		assertThat(rowCount()).isEqualTo(1);
		AdvantageServicesTests.awaitTrue(
				() -> this.queue.state(this.course).map(s -> s.status() == RosterSyncState.Status.DONE).orElse(false),
				"queued sync ran");
		// Just synced: nothing is due.
		assertThat(this.queue.queueDue()).isZero();
	}

	private int rowCount() {
		return this.jdbc.sql("SELECT COUNT(*) FROM lti_roster_sync WHERE course_id = ?")
			.param(this.course.value())
			.query(Integer.class)
			.single();
	}

}
