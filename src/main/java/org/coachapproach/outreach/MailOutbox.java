package org.coachapproach.outreach;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.coachapproach.outreach.internal.KindSwitch;
import org.coachapproach.outreach.internal.KindSwitchRepository;
import org.coachapproach.outreach.internal.MailQueue;
import org.coachapproach.outreach.internal.MailTemplates;
import org.coachapproach.outreach.internal.OutboxSender;
import org.coachapproach.outreach.internal.UnsubscribeTokens;
import org.coachapproach.people.PersonId;
import org.coachapproach.people.ProgramId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The durable email outbox. Queuing writes a row in the caller's transaction; the sender
 * picks it up only once that transaction has committed, sends it through SMTP at the
 * configured rate and retries with backoff. The pair (dedup key, recipient) is unique, so the
 * same reminder queued again, from any instance or after a restart, is never sent twice.
 * A kind that staff switched off, or that the recipient unsubscribed from, is not queued.
 * Every message, switch and count belongs to a program: staff see and switch only their own.
 * An unsubscribe belongs to the address and holds in every program.
 */
@Service
public class MailOutbox {

	/** What became of one queued message. */
	public enum Outcome {

		QUEUED, DUPLICATE, UNSUBSCRIBED, KIND_OFF

	}

	/** Counts of the outbox by state, for staff. */
	public record Summary(int queued, int sent, int failed, boolean emailOn) {
	}

	/** A message that could not be delivered and will not be retried. */
	public record Failure(long id, String recipient, ReminderKind kind, String subject, int attempts, String error,
			Instant queuedAt) {
	}

	private final MailQueue queue;

	private final KindSwitchRepository switches;

	private final MailTemplates templates;

	private final UnsubscribeTokens unsubscribe;

	private final OutboxSender sender;

	private final Clock clock;

	private final String baseUrl;

	MailOutbox(MailQueue queue, KindSwitchRepository switches, MailTemplates templates, UnsubscribeTokens unsubscribe,
			OutboxSender sender, Clock clock, @Value("${coachapproach.lti.base-url:}") String baseUrl,
			@Value("${server.port:8080}") int port) {
		this.queue = queue;
		this.switches = switches;
		this.templates = templates;
		this.unsubscribe = unsubscribe;
		this.sender = sender;
		this.clock = clock;
		String base = baseUrl == null || baseUrl.isBlank() ? "http://localhost:" + port : baseUrl;
		this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
	}

	/**
	 * Renders {@code templates/mail/<template>.html|.txt} for the recipient (the model gets
	 * {@code recipientName} and {@code unsubscribeUrl}) and queues it.
	 */
	@Transactional
	public Outcome queue(ProgramId program, Recipient to, ReminderKind kind, String dedupKey, String template,
			Map<String, Object> model, Locale locale) {
		return queueAll(program, List.of(to), kind, dedupKey, template, model, locale).entrySet()
			.stream()
			.filter(e -> e.getValue() > 0)
			.map(Map.Entry::getKey)
			.findFirst()
			.orElseThrow();
	}

	/**
	 * Queues one reminder to many recipients (each address once), in one transaction.
	 * @return how many recipients ended in each outcome
	 */
	@Transactional
	public Map<Outcome, Integer> queueAll(ProgramId program, List<Recipient> recipients, ReminderKind kind,
			String dedupKey, String template, Map<String, Object> model, Locale locale) {
		Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
		for (Outcome outcome : Outcome.values()) {
			outcomes.put(outcome, 0);
		}
		if (!enabled(program, kind)) {
			outcomes.put(Outcome.KIND_OFF, recipients.size());
			return outcomes;
		}
		Set<String> unsubscribed = unsubscribed(kind);
		Map<String, Recipient> unique = new LinkedHashMap<>();
		for (Recipient to : recipients) {
			checkAddress(to.email());
			if (unsubscribed.contains(to.address())) {
				outcomes.merge(Outcome.UNSUBSCRIBED, 1, Integer::sum);
			}
			else if (unique.putIfAbsent(to.address(), to) != null) {
				outcomes.merge(Outcome.DUPLICATE, 1, Integer::sum);
			}
		}
		List<MailQueue.Row> rows = new ArrayList<>();
		Instant now = this.clock.instant();
		for (Recipient to : unique.values()) {
			String unsubscribeUrl = unsubscribeUrl(to, kind);
			Map<String, Object> variables = new HashMap<>(model);
			variables.put("recipientName", to.name());
			variables.put("unsubscribeUrl", unsubscribeUrl);
			Message message = this.templates.render(template, variables, locale);
			rows.add(row(program, to, kind, dedupKey, message, unsubscribeUrl, now));
		}
		int queued = insert(rows);
		outcomes.merge(Outcome.QUEUED, queued, Integer::sum);
		outcomes.merge(Outcome.DUPLICATE, rows.size() - queued, Integer::sum);
		return outcomes;
	}

	/**
	 * Queues a message the caller rendered itself; its body must carry
	 * {@link #unsubscribeUrl(Recipient, ReminderKind)} (the headers always do).
	 */
	@Transactional
	public Outcome queue(ProgramId program, Recipient to, ReminderKind kind, String dedupKey, Message message) {
		checkAddress(to.email());
		if (!enabled(program, kind)) {
			return Outcome.KIND_OFF;
		}
		if (unsubscribed(kind).contains(to.address())) {
			return Outcome.UNSUBSCRIBED;
		}
		return insert(List.of(row(program, to, kind, dedupKey, message, unsubscribeUrl(to, kind),
				this.clock.instant()))) == 1 ? Outcome.QUEUED : Outcome.DUPLICATE;
	}

	/** Renders a template as the recipient would get it, queuing nothing (the staff preview). */
	public Message preview(String template, Map<String, Object> model, Locale locale, Recipient to, ReminderKind kind) {
		Map<String, Object> variables = new HashMap<>(model);
		variables.put("recipientName", to.name());
		variables.put("unsubscribeUrl", unsubscribeUrl(to, kind));
		return this.templates.render(template, variables, locale);
	}

	/** The one-click unsubscribe address (RFC 8058) for this recipient and kind. */
	public String unsubscribeUrl(Recipient to, ReminderKind kind) {
		return link("/unsubscribe/" + this.unsubscribe.token(to.address(), kind));
	}

	/** What an unsubscribe link's token stands for, if the tool signed it. */
	public Optional<Subscription> subscription(String token) {
		return this.unsubscribe.verify(token);
	}

	/**
	 * An absolute address of a page of the tool, for links in email and calendars: from
	 * {@code coachapproach.lti.base-url}, else {@code http://localhost:<server.port>}.
	 * @param path starting with {@code /}
	 */
	public String link(String path) {
		return this.baseUrl + path;
	}

	/** Whether the program's staff have this kind on (it is, until switched off). */
	public boolean enabled(ProgramId program, ReminderKind kind) {
		return this.switches.findById(new KindSwitch.Key(program.value(), kind.name()))
			.map(KindSwitch::enabled)
			.orElse(true);
	}

	@Transactional
	public void switchKind(ProgramId program, ReminderKind kind, boolean enabled, PersonId by) {
		this.switches.save(new KindSwitch(program.value(), kind.name(), enabled, this.clock.instant(),
				by == null ? null : by.value()));
	}

	/** Records that the address wants no more of this kind; queued ones are not sent either. */
	@Transactional
	public void unsubscribe(String address, ReminderKind kind) {
		this.queue.unsubscribe(address.toLowerCase(Locale.ROOT), kind, this.clock.instant());
	}

	public boolean unsubscribed(String address, ReminderKind kind) {
		return unsubscribed(kind).contains(address.toLowerCase(Locale.ROOT));
	}

	/** Whether the program ever queued anything under this dedup key (a mailing already made). */
	public boolean queued(ProgramId program, String dedupKey) {
		return this.queue.queued(program.value(), dedupKey);
	}

	/** Whether an SMTP server is configured ({@code spring.mail.host}). */
	public boolean emailOn() {
		return this.sender.emailOn();
	}

	public Summary summary(ProgramId program) {
		Map<String, Integer> counts = this.queue.counts(program.value());
		return new Summary(counts.getOrDefault("QUEUED", 0), counts.getOrDefault("SENT", 0),
				counts.getOrDefault("FAILED", 0), emailOn());
	}

	/** Messages that failed for good (a rejected address, or too many attempts), newest first. */
	public List<Failure> failures(ProgramId program, int limit) {
		return this.queue.failures(program.value(), limit);
	}

	/** Whether the text is one email address, as SMTP takes it. */
	public static boolean isAddress(String email) {
		if (email == null || email.length() > 320) {
			return false;
		}
		try {
			InternetAddress address = new InternetAddress(email, true);
			String domain = address.getAddress().substring(address.getAddress().indexOf('@') + 1);
			return address.getAddress().equals(email) && domain.contains(".") && !domain.startsWith(".")
					&& !domain.endsWith(".");
		}
		catch (AddressException | StringIndexOutOfBoundsException ex) {
			return false;
		}
	}

	private static void checkAddress(String email) {
		if (!isAddress(email)) {
			throw new IllegalArgumentException("not an email address: '" + email + "'");
		}
	}

	private Set<String> unsubscribed(ReminderKind kind) {
		return this.queue.unsubscribed(kind);
	}

	private static MailQueue.Row row(ProgramId program, Recipient to, ReminderKind kind, String dedupKey, Message message,
			String unsubscribeUrl, Instant now) {
		if (dedupKey == null || dedupKey.isBlank() || dedupKey.length() > 200) {
			throw new IllegalArgumentException("a dedup key of 1 to 200 characters is required");
		}
		return new MailQueue.Row(program.value(), dedupKey, to.address(), to.name(),
				to.person() == null ? null : to.person().value(), kind.name(), message.subject(), message.text(),
				message.html(), unsubscribeUrl, now);
	}

	/** Inserts, ignoring rows already there; wakes the sender once the transaction commits. */
	private int insert(List<MailQueue.Row> rows) {
		if (rows.isEmpty()) {
			return 0;
		}
		int queued = 0;
		for (MailQueue.Row row : rows) {
			queued += this.queue.insert(row) ? 1 : 0;
		}
		if (queued > 0) {
			this.sender.wake();
		}
		return queued;
	}

}
