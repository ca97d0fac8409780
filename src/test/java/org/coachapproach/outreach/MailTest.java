package org.coachapproach.outreach;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * One application context for the tests that send email or move time: SMTP at
 * {@link TestSmtp}, the clock a {@link MutableClock}, and the outbox drained by the tests
 * themselves (so what is sent when is theirs to say).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "coachapproach.outreach.sender.enabled=false", "coachapproach.outreach.retry-base=PT1M",
				"coachapproach.outreach.max-attempts=3" })
@ContextConfiguration(initializers = TestSmtp.Initializer.class)
@Import(MutableClock.Config.class)
public @interface MailTest {
}
