package org.coachapproach.outreach.internal;

import java.io.UnsupportedEncodingException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends what the outbox holds: claims due rows (a lease, so instances never send the same
 * row at once), hands them to SMTP over one connection per batch, at most
 * {@code rate-per-second} a second, and records each result: sent; failed for good (the
 * server rejected the address, 5xx); or retried later with exponential backoff (server
 * unreachable, 4xx). With no SMTP server configured it does nothing and the rows wait.
 */
@Component
public class OutboxSender implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

	private static final Pattern PERMANENT = Pattern.compile("^\\s*5\\d\\d\\b.*", Pattern.DOTALL);

	/** How the sender paces and retries. */
	public record Settings(int ratePerSecond, Duration pollInterval, Duration retryBase, Duration retryMax,
			int maxAttempts, Duration lease, String from) {
	}

	private record Row(long id, String recipient, String name, String subject, String text, String html,
			String unsubscribeUrl, int attempts) {
	}

	private final JdbcClient jdbc;

	private final JavaMailSender mail;

	private final Clock clock;

	private final Settings settings;

	private final AtomicBoolean wakePending = new AtomicBoolean();

	private volatile ScheduledExecutorService executor;

	/** Off only where something else drains (tests that drain by hand). */
	private boolean autoStart = false;

	@Autowired
	OutboxSender(JdbcClient jdbc, ObjectProvider<JavaMailSender> mail, Clock clock,
			@Value("${coachapproach.outreach.rate-per-second:10}") int ratePerSecond,
			@Value("${coachapproach.outreach.poll-interval:PT5S}") Duration pollInterval,
			@Value("${coachapproach.outreach.retry-base:PT1M}") Duration retryBase,
			@Value("${coachapproach.outreach.retry-max:PT6H}") Duration retryMax,
			@Value("${coachapproach.outreach.max-attempts:8}") int maxAttempts,
			@Value("${coachapproach.outreach.from:Coach Approach <no-reply@localhost>}") String from,
			@Value("${coachapproach.outreach.sender.enabled:true}") boolean autoStart) {
		this(jdbc, mail.getIfAvailable(), clock,
				new Settings(ratePerSecond, pollInterval, retryBase, retryMax, maxAttempts, Duration.ofMinutes(5), from));
		this.autoStart = autoStart;
	}

	/** A sender on its own (a second instance, or one that never starts its thread). */
	public OutboxSender(JdbcClient jdbc, JavaMailSender mail, Clock clock, Settings settings) {
		if (settings.ratePerSecond() < 1 || settings.maxAttempts() < 1) {
			throw new IllegalArgumentException("rate-per-second and max-attempts must be at least 1");
		}
		this.jdbc = jdbc;
		this.mail = mail;
		this.clock = clock;
		this.settings = settings;
	}

	public boolean emailOn() {
		return this.mail != null;
	}

	/** Asks for a drain soon (after a commit that queued mail); several asks make one drain. */
	public void wake() {
		ScheduledExecutorService running = this.executor;
		if (running != null && this.mail != null && this.wakePending.compareAndSet(false, true)) {
			running.execute(() -> {
				this.wakePending.set(false);
				drainQuietly();
			});
		}
	}

	/**
	 * Sends every due message at the configured rate, until none is due.
	 * @return how many messages were handed to SMTP successfully
	 */
	public int drain() {
		if (this.mail == null) {
			return 0;
		}
		int sent = 0;
		while (true) {
			long started = System.nanoTime();
			List<Row> rows = claim(this.settings.ratePerSecond());
			if (rows.isEmpty()) {
				return sent;
			}
			sent += send(rows);
			if (rows.size() < this.settings.ratePerSecond()) {
				return sent;
			}
			long waitNanos = TimeUnit.SECONDS.toNanos(1) - (System.nanoTime() - started);
			if (waitNanos > 0) {
				try {
					TimeUnit.NANOSECONDS.sleep(waitNanos);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return sent;
				}
			}
		}
	}

	/**
	 * Empties the bodies of messages sent (or given up) more than {@code age} ago: a year of
	 * weekly reminders to thousands would otherwise keep gigabytes of HTML. The rows stay, so
	 * their dedup keys still stop the same reminder from being queued again.
	 * @return how many messages were emptied
	 */
	public int forgetBodies(Duration age) {
		return this.jdbc.sql("""
				UPDATE outreach_outbox SET text_body = '', html_body = ''
				WHERE status IN ('SENT', 'FAILED', 'CANCELLED') AND queued_at < ? AND (text_body <> '' OR html_body <> '')""")
			.param(Timestamp.from(this.clock.instant().minus(age)))
			.update();
	}

	private void drainQuietly() {
		try {
			drain();
		}
		catch (RuntimeException ex) {
			// The database may be briefly away; the next poll tries again.
			log.warn("Outbox drain failed: {}", ex.getMessage());
		}
	}

	private List<Row> claim(int limit) {
		String claim = UUID.randomUUID().toString();
		Instant now = this.clock.instant();
		// A plain read sees only committed rows and never waits on a transaction still queuing;
		// the update then takes the rows no other instance took meanwhile.
		List<Long> due = this.jdbc.sql("""
				SELECT id FROM outreach_outbox
				WHERE status = 'QUEUED' AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)
				ORDER BY next_attempt_at, id LIMIT ?""")
			.params(Timestamp.from(now), Timestamp.from(now), limit)
			.query(Long.class)
			.list();
		if (due.isEmpty()) {
			return List.of();
		}
		this.jdbc.sql("""
				UPDATE outreach_outbox SET claimed_by = :claim, claimed_until = :until
				WHERE id IN (:ids) AND status = 'QUEUED' AND (claimed_until IS NULL OR claimed_until < :now)""")
			.param("claim", claim)
			.param("until", Timestamp.from(now.plus(this.settings.lease())))
			.param("ids", due)
			.param("now", Timestamp.from(now))
			.update();
		return this.jdbc.sql("""
				SELECT id, recipient, recipient_name, subject, text_body, html_body, unsubscribe_url, attempts
				FROM outreach_outbox WHERE claimed_by = ? AND status = 'QUEUED' ORDER BY id""")
			.param(claim)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8)))
			.list();
	}

	private int send(List<Row> rows) {
		Map<MimeMessage, Row> byMessage = new IdentityHashMap<>();
		List<MimeMessage> messages = new ArrayList<>();
		for (Row row : rows) {
			try {
				MimeMessage message = mime(row);
				byMessage.put(message, row);
				messages.add(message);
			}
			catch (MessagingException | UnsupportedEncodingException | IllegalArgumentException ex) {
				failed(row, "not a valid message: " + ex.getMessage());
			}
		}
		Map<Object, Exception> failures = Map.of();
		try {
			this.mail.send(messages.toArray(MimeMessage[]::new));
		}
		catch (MailSendException ex) {
			failures = ex.getFailedMessages();
			if (failures.isEmpty()) {
				messages.forEach(m -> retry(byMessage.get(m), ex));
				return 0;
			}
		}
		catch (MailException ex) {
			messages.forEach(m -> retry(byMessage.get(m), ex));
			return 0;
		}
		List<Long> sent = new ArrayList<>();
		for (MimeMessage message : messages) {
			Row row = byMessage.get(message);
			Exception failure = failures.get(message);
			if (failure == null) {
				sent.add(row.id());
			}
			else if (isPermanent(failure)) {
				failed(row, describe(failure));
			}
			else {
				retry(row, failure);
			}
		}
		if (!sent.isEmpty()) {
			// One statement (one commit) for the whole batch.
			this.jdbc.sql("""
					UPDATE outreach_outbox SET status = 'SENT', sent_at = :now, attempts = attempts + 1, claimed_by = NULL,
					    claimed_until = NULL, last_error = NULL WHERE id IN (:ids)""")
				.param("now", Timestamp.from(this.clock.instant()))
				.param("ids", sent)
				.update();
		}
		return sent.size();
	}

	private MimeMessage mime(Row row) throws MessagingException, UnsupportedEncodingException {
		MimeMessage message = this.mail.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
				"UTF-8");
		helper.setFrom(new InternetAddress(this.settings.from(), true));
		helper.setTo(row.name() == null ? new InternetAddress(row.recipient(), true)
				: new InternetAddress(row.recipient(), row.name(), "UTF-8"));
		helper.setSubject(row.subject());
		helper.setText(row.text(), row.html());
		// RFC 8058 one-click unsubscribe; RFC 3834: a machine sent this.
		message.setHeader("List-Unsubscribe", "<" + row.unsubscribeUrl() + ">");
		message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
		message.setHeader("Auto-Submitted", "auto-generated");
		return message;
	}

	private static boolean isPermanent(Exception failure) {
		for (Throwable t = failure; t != null; t = next(t)) {
			if (t instanceof SendFailedException sfe && sfe.getInvalidAddresses() != null
					&& sfe.getInvalidAddresses().length > 0) {
				return true;
			}
			if (t instanceof jakarta.mail.internet.AddressException) {
				return true;
			}
			if (t.getMessage() != null && PERMANENT.matcher(t.getMessage()).matches()) {
				return true;
			}
		}
		return false;
	}

	private static Throwable next(Throwable t) {
		if (t instanceof MessagingException me && me.getNextException() != null && me.getNextException() != t) {
			return me.getNextException();
		}
		return t.getCause() == t ? null : t.getCause();
	}

	private static String describe(Exception failure) {
		StringBuilder text = new StringBuilder();
		for (Throwable t = failure; t != null && text.length() < 900; t = next(t)) {
			if (t.getMessage() != null && !text.toString().contains(t.getMessage())) {
				text.append(text.isEmpty() ? "" : ": ").append(t.getMessage().strip());
			}
		}
		return text.length() > 1000 ? text.substring(0, 1000) : text.toString();
	}

	private void failed(Row row, String error) {
		this.jdbc.sql("""
				UPDATE outreach_outbox SET status = 'FAILED', attempts = attempts + 1, last_error = ?, claimed_by = NULL,
				    claimed_until = NULL WHERE id = ?""")
			.params(cut(error), row.id())
			.update();
	}

	private void retry(Row row, Exception failure) {
		int attempts = row.attempts() + 1;
		if (attempts >= this.settings.maxAttempts()) {
			failed(row, "gave up after " + attempts + " attempts: " + describe(failure));
			return;
		}
		Duration delay = this.settings.retryBase().multipliedBy(1L << Math.min(attempts - 1, 20));
		if (delay.compareTo(this.settings.retryMax()) > 0) {
			delay = this.settings.retryMax();
		}
		this.jdbc.sql("""
				UPDATE outreach_outbox SET attempts = ?, next_attempt_at = ?, last_error = ?, claimed_by = NULL,
				    claimed_until = NULL WHERE id = ?""")
			.params(attempts, Timestamp.from(this.clock.instant().plus(delay)), cut(describe(failure)), row.id())
			.update();
	}

	private static String cut(String text) {
		return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
	}

	@Override
	public void start() {
		if (this.mail == null) {
			log.info("Email is off: no SMTP server configured (spring.mail.host); queued mail waits in the outbox");
		}
		ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread thread = new Thread(r, "outbox-sender");
			thread.setDaemon(true);
			return thread;
		});
		long poll = this.settings.pollInterval().toMillis();
		started.scheduleWithFixedDelay(this::drainQuietly, poll, poll, TimeUnit.MILLISECONDS);
		this.executor = started;
	}

	@Override
	public void stop() {
		ScheduledExecutorService running = this.executor;
		this.executor = null;
		if (running != null) {
			running.shutdownNow();
			try {
				running.awaitTermination(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isAutoStartup() {
		return this.autoStart;
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

}
