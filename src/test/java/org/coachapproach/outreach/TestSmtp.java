package org.coachapproach.outreach;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * A real SMTP server (GreenMail) for the whole test JVM, on a free port, that refuses
 * recipients on a reject list with "550" as a mail server refuses an unknown mailbox. The
 * initializer points the application's {@code spring.mail.*} at it.
 */
public final class TestSmtp {

	private static final Set<String> REJECTED = ConcurrentHashMap.newKeySet();

	private static volatile GreenMail server;

	private TestSmtp() {
	}

	public static synchronized GreenMail server() {
		if (server == null) {
			GreenMail started = new RejectingGreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
			started.start();
			server = started;
		}
		return server;
	}

	public static int port() {
		return server().getSmtp().getPort();
	}

	/** The server answers 550 to RCPT TO for this address. */
	public static void reject(String address) {
		REJECTED.add(address.toLowerCase(Locale.ROOT));
	}

	/** Messages received for this address. */
	public static List<MimeMessage> to(String address) {
		return received(m -> {
			try {
				return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().toLowerCase(Locale.ROOT)
					.contains(address.toLowerCase(Locale.ROOT)));
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	public static List<MimeMessage> received(Predicate<MimeMessage> which) {
		return Arrays.stream(server().getReceivedMessages()).filter(which).toList();
	}

	/** Waits (up to the timeout) until {@code count} messages for the address have arrived. */
	public static List<MimeMessage> awaitTo(String address, int count, Duration timeout) throws InterruptedException {
		long until = System.nanoTime() + timeout.toNanos();
		List<MimeMessage> found = to(address);
		while (found.size() < count && System.nanoTime() < until) {
			Thread.sleep(50);
			found = to(address);
		}
		return found;
	}

	/** The first part of this MIME type (text/plain, text/html) as text, or {@code null}. */
	public static String part(MimeMessage message, String type) throws Exception {
		return message.getContent() instanceof jakarta.mail.Multipart multipart ? find(multipart, type) : null;
	}

	private static String find(jakarta.mail.Multipart multipart, String type) throws Exception {
		for (int i = 0; i < multipart.getCount(); i++) {
			jakarta.mail.BodyPart part = multipart.getBodyPart(i);
			if (part.isMimeType(type)) {
				return (String) part.getContent();
			}
			if (part.getContent() instanceof jakarta.mail.Multipart nested) {
				String found = find(nested, type);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	/** Points {@code spring.mail.*} at the test server. */
	public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context, "spring.mail.host=127.0.0.1",
					"spring.mail.port=" + port(), "spring.mail.properties.mail.smtp.connectiontimeout=2000",
					"spring.mail.properties.mail.smtp.timeout=5000");
		}

	}

	private static final class RejectingGreenMail extends GreenMail {

		RejectingGreenMail(ServerSetup setup) {
			super(setup);
		}

		@Override
		protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
			return super.createServices(config, new RejectingManagers(managers));
		}

	}

	private static final class RejectingManagers extends Managers {

		private final Managers delegate;

		private final SmtpManager smtp;

		RejectingManagers(Managers delegate) {
			this.delegate = delegate;
			this.smtp = new SmtpManager(delegate.getImapHostManager(), delegate.getUserManager()) {
				@Override
				public String checkRecipient(SmtpState state, MailAddress address) {
					return REJECTED.contains(address.getEmail().toLowerCase(Locale.ROOT))
							? "550 5.1.1 <" + address.getEmail() + ">: Recipient address rejected: User unknown" : null;
				}
			};
		}

		@Override
		public SmtpManager getSmtpManager() {
			return this.smtp;
		}

		@Override
		public UserManager getUserManager() {
			return this.delegate.getUserManager();
		}

		@Override
		public ImapHostManager getImapHostManager() {
			return this.delegate.getImapHostManager();
		}

	}

}
