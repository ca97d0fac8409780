package org.coachapproach.outreach.internal;

import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.coachapproach.outbox.Claim;
import org.coachapproach.outbox.Delivery;
import org.coachapproach.outbox.Outbox;
import org.coachapproach.outbox.OutboxSettings;
import org.coachapproach.outbox.OutboxTable;
import org.coachapproach.outbox.Outboxes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends what the email outbox holds: the {@link Outbox} claims due rows, at most
 * {@code rate-per-second} a second; they go to SMTP over one connection per batch, and each
 * result is recorded: sent; failed for good (the server rejected the address, 5xx); or retried
 * later with backoff (server unreachable, 4xx). With no SMTP server configured it does nothing
 * and the rows wait.
 */
@Component
public class OutboxSender implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

	static final OutboxTable TABLE = new OutboxTable("outreach_outbox", "QUEUED", false, 2000);

	private static final Pattern PERMANENT = Pattern.compile("^\\s*5\\d\\d\\b.*", Pattern.DOTALL);

	private final MailRows rows;

	private final JavaMailSender mail;

	private final Clock clock;

	private final OutreachProperties settings;

	private final Outboxes outboxes;

	private final Outbox outbox;

	private volatile boolean running;

	@Autowired
	OutboxSender(Outboxes outboxes, MailRows rows, ObjectProvider<JavaMailSender> mail, Clock clock,
			OutreachProperties settings) {
		this(outboxes, rows, mail.getIfAvailable(), clock, settings);
	}

	/** A sender on its own (a second instance, or one that never starts its thread). */
	OutboxSender(Outboxes outboxes, MailRows rows, JavaMailSender mail, Clock clock, OutreachProperties settings) {
		this.outboxes = outboxes;
		this.rows = rows;
		this.mail = mail;
		this.clock = clock;
		this.settings = settings;
		this.outbox = outboxes.open("outbox-sender", TABLE,
				new OutboxSettings(settings.ratePerSecond(), Duration.ofSeconds(1), settings.pollInterval(),
						settings.retryBase(), settings.retryMax(), settings.maxAttempts(), settings.lease(),
						Duration.ofSeconds(10)),
				this::send);
	}

	/** Another sender on this one's database and clock (as a second instance would be), never started. */
	public OutboxSender with(JavaMailSender mail, OutreachProperties settings) {
		return new OutboxSender(this.outboxes, this.rows, mail, this.clock, settings);
	}

	public boolean emailOn() {
		return this.mail != null;
	}

	/** Asks for a drain once the caller's transaction commits the mail it queued; several asks make one drain. */
	public void wake() {
		if (this.mail != null) {
			this.outbox.wakeAfterCommit();
		}
	}

	/**
	 * Sends every due message at the configured rate, until none is due.
	 * @return how many messages were handed to SMTP successfully
	 */
	public int drain() {
		return this.mail == null ? 0 : this.outbox.drain();
	}

	/**
	 * Empties the bodies of messages sent (or given up) more than {@code age} ago: a year of
	 * weekly reminders to thousands would otherwise keep gigabytes of HTML. The rows stay, so
	 * their dedup keys still stop the same reminder from being queued again.
	 * @return how many messages were emptied
	 */
	public int forgetBodies(Duration age) {
		return this.rows.forgetBodies(this.clock.instant().minus(age));
	}

	private Map<Long, Delivery> send(List<Claim> batch) {
		Map<Long, Delivery> outcomes = new HashMap<>();
		Map<MimeMessage, Long> byMessage = new IdentityHashMap<>();
		List<MimeMessage> messages = new ArrayList<>();
		for (MailRows.Mail row : this.rows.find(batch.stream().map(Claim::id).toList())) {
			try {
				MimeMessage message = mime(row);
				byMessage.put(message, row.id());
				messages.add(message);
			}
			catch (MessagingException | UnsupportedEncodingException | IllegalArgumentException ex) {
				outcomes.put(row.id(), Delivery.failed("not a valid message: " + ex.getMessage()));
			}
		}
		Map<Object, Exception> failures = Map.of();
		try {
			this.mail.send(messages.toArray(MimeMessage[]::new));
		}
		catch (MailSendException ex) {
			failures = ex.getFailedMessages();
			if (failures.isEmpty()) {
				messages.forEach(m -> outcomes.put(byMessage.get(m), Delivery.retry(describe(ex))));
				return outcomes;
			}
		}
		catch (MailException ex) {
			messages.forEach(m -> outcomes.put(byMessage.get(m), Delivery.retry(describe(ex))));
			return outcomes;
		}
		for (MimeMessage message : messages) {
			Exception failure = failures.get(message);
			outcomes.put(byMessage.get(message), failure == null ? Delivery.delivered()
					: isPermanent(failure) ? Delivery.failed(describe(failure)) : Delivery.retry(describe(failure)));
		}
		return outcomes;
	}

	private MimeMessage mime(MailRows.Mail row) throws MessagingException, UnsupportedEncodingException {
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

	@Override
	public void start() {
		if (this.mail == null) {
			log.info("Email is off: no SMTP server configured (spring.mail.host); queued mail waits in the outbox");
		}
		else {
			this.outbox.start();
		}
		this.running = true;
	}

	@Override
	public void stop() {
		this.outbox.stop();
		this.running = false;
	}

	@Override
	public boolean isAutoStartup() {
		return this.settings.sender().enabled();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
