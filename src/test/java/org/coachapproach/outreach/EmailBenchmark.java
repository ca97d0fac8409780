package org.coachapproach.outreach;

import java.io.StringReader;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.coachapproach.CoachApproachApplication;
import org.coachapproach.curriculum.SeriesCategory;
import org.coachapproach.series.ScheduledSession;
import org.coachapproach.series.SeriesSchedule;
import org.coachapproach.series.SessionDraft;
import org.coachapproach.series.internal.SeriesReminders;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Reminder email throughput: imports a faculty list of {@code n} people, schedules a session,
 * queues its weekly reminder to everyone (rendered per recipient, one row each in the
 * outbox), and times until a local SMTP server (GreenMail, in this JVM) has received every
 * message from the tool's own background sender, throttled at {@code rate} per second.
 * <p>
 * {@code benchmarks/email.sh} runs it; by hand:
 * {@code java -cp <test classpath> org.coachapproach.outreach.EmailBenchmark 5000 1000 <db dir>}
 */
public final class EmailBenchmark {

	private EmailBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int faculty = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
		int rate = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
		String dbDir = args.length > 2 ? args[2] : "target/bench-email/mariadb";
		GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		ConfigurableApplicationContext app = SpringApplication.run(CoachApproachApplication.class,
				"--server.port=0", "--coachapproach.demo.enabled=false",
				"--coachapproach.embedded-db.directory=" + dbDir, "--coachapproach.embedded-db.recreate-database=true",
				"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.getSmtp().getPort(),
				"--coachapproach.outreach.rate-per-second=" + rate, "--coachapproach.outreach.poll-interval=PT1S",
				"--logging.level.root=warn");
		try {
			StringBuilder csv = new StringBuilder("name,email,division,rank\n");
			String[] ranks = { "assistant", "associate", "full" };
			for (int i = 0; i < faculty; i++) {
				csv.append("Faculty ").append(i).append(",faculty").append(i).append("@example.edu,Division ")
					.append(i % 11).append(',').append(ranks[i % 3]).append('\n');
			}
			org.coachapproach.people.ProgramId program = app.getBean(org.coachapproach.people.People.class)
				.program("https://bench.example", "bench");
			long importStart = System.nanoTime();
			FacultyList.ImportResult imported = app.getBean(FacultyList.class)
				.importCsv(program, new StringReader(csv.toString()));
			double importSeconds = (System.nanoTime() - importStart) / 1e9;
			if (!imported.succeeded()) {
				throw new IllegalStateException("import failed: " + imported.problems());
			}

			ZonedDateTime start = ZonedDateTime.now(ZoneId.of("America/Chicago")).plusHours(24)
				.truncatedTo(ChronoUnit.MINUTES);
			ScheduledSession session = app.getBean(SeriesSchedule.class)
				.schedule(program, new SessionDraft(start.toLocalDate(), start.toLocalTime(), start.getZone(), 60,
						"Time management and organisation skills", SeriesCategory.PROFESSIONAL_LEADERSHIP,
						"Kevin Osei, MD", "Practical ways to protect time for what matters.",
						"https://meet.example.edu/j/900", false), null);

			long queueStart = System.nanoTime();
			int queued = app.getBean(SeriesReminders.class).remind(program, session.session());
			long queuedAt = System.nanoTime();
			org.springframework.jdbc.core.simple.JdbcClient jdbc = app
				.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
			// Done when the server has every message and the outbox has recorded each as sent.
			while (smtp.getReceivedMessages().length < queued
					|| jdbc.sql("SELECT COUNT(*) FROM outreach_outbox WHERE status = 'SENT'").query(Integer.class)
						.single() < queued) {
				Thread.sleep(20);
			}
			long doneAt = System.nanoTime();
			double queueSeconds = (queuedAt - queueStart) / 1e9;
			double totalSeconds = (doneAt - queueStart) / 1e9;
			double sendSeconds = (doneAt - queuedAt) / 1e9;
			System.out.printf("faculty list: %d rows imported in %.2f s%n", imported.imported(), importSeconds);
			System.out.println("| step | messages | seconds | messages/s |");
			System.out.println("|---|---:|---:|---:|");
			System.out.printf("| queue (render text + HTML, insert, one transaction) | %d | %.2f | %.0f |%n", queued,
					queueSeconds, queued / queueSeconds);
			System.out.printf("| hand to SMTP after commit (throttle %d/s) | %d | %.2f | %.0f |%n", rate, queued,
					sendSeconds, queued / sendSeconds);
			System.out.printf("| **queued and handed to SMTP, end to end** | %d | %.2f | **%.0f** |%n", queued,
					totalSeconds, queued / totalSeconds);
			Integer sent = jdbc.sql("SELECT COUNT(*) FROM outreach_outbox WHERE status = 'SENT'").query(Integer.class).single();
			System.out.printf("outbox rows SENT: %d; messages the SMTP server received: %d%n", sent,
					smtp.getReceivedMessages().length);
		}
		finally {
			app.close();
			smtp.stop();
		}
	}

}
