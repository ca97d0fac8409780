package org.coachapproach.demoplatform.registration;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.coachapproach.demoplatform.RegistrationState;
import org.coachapproach.demoplatform.course.DemoSites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Registers the tool with the platform through LTI Dynamic Registration, as an administrator
 * would by pasting the tool's registration URL into Canvas: the platform issues a token and
 * opens the tool's registration URL, and the tool calls back to the platform's openid
 * configuration and registration endpoints. Done once at start-up, in the background, when the
 * tool is not registered yet; the demo home page can ask for it again.
 * <p>
 * Always from this server, never in a browser: with {@code coachapproach.lti.registration-secret}
 * set, the registration URL carries it, so the URL never leaves this class. Without one, the tool
 * accepts the registration because the request comes straight from this machine.
 */
@Component
@ConditionalOnBooleanProperty("coachapproach.demo.enabled")
public class ToolSelfRegistration implements DisposableBean {

	public static final String OPENID_CONFIGURATION_PATH = "/demo/.well-known/openid-configuration";

	private static final Logger log = LoggerFactory.getLogger(ToolSelfRegistration.class);

	private final DemoSites sites;

	private final RegistrationTokens tokens;

	private final ToolRegistrations registrations;

	private final String registrationSecret;

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NORMAL)
		.build();

	private final Object lock = new Object();

	private CompletableFuture<RegistrationState> attempt;

	private volatile String lastFailure;

	private volatile boolean closed;

	ToolSelfRegistration(DemoSites sites, RegistrationTokens tokens, ToolRegistrations registrations,
			@Value("${coachapproach.lti.registration-secret:}") String registrationSecret) {
		this.sites = sites;
		this.tokens = tokens;
		this.registrations = registrations;
		this.registrationSecret = registrationSecret;
	}

	@EventListener(ApplicationReadyEvent.class)
	void registerOnStart() {
		if (!this.sites.known()) {
			log.info("Demo platform: no web server, so the tool is not registered");
			return;
		}
		Optional<ToolRegistration> current = current();
		if (current.isPresent()) {
			log.info("Demo platform: the tool at {} is registered (client_id {}, deployment_id {}); try it at {}",
					this.sites.toolUrl(), current.get().clientId(), current.get().deploymentId(),
					this.sites.platform("/demo"));
			return;
		}
		start();
	}

	/** The newest registration of the tool this platform serves. */
	public Optional<ToolRegistration> current() {
		return this.registrations.latestFor(this.sites.toolOrigin());
	}

	public RegistrationState state() {
		// The platform records the registration before the tool has stored its side (the tool
		// stores it once this platform has answered): until the attempt ends, launches would
		// meet an unknown client.
		synchronized (this.lock) {
			if (this.attempt != null && !this.attempt.isDone()) {
				return RegistrationState.REGISTERING;
			}
		}
		if (current().isPresent()) {
			return RegistrationState.REGISTERED;
		}
		return (this.lastFailure != null) ? RegistrationState.FAILED : RegistrationState.NOT_REGISTERED;
	}

	/** Why the last attempt failed, while no registration is held. */
	public Optional<String> lastFailure() {
		return Optional.ofNullable(this.lastFailure);
	}

	/** Starts an attempt in the background, or joins the one under way; completes with its outcome. */
	public CompletableFuture<RegistrationState> start() {
		if (!this.sites.known()) {
			return CompletableFuture.completedFuture(state());
		}
		synchronized (this.lock) {
			if (this.attempt == null || this.attempt.isDone()) {
				CompletableFuture<RegistrationState> started = new CompletableFuture<>();
				this.attempt = started;
				Thread thread = new Thread(() -> {
					try {
						started.complete(register());
					}
					catch (Throwable ex) {
						started.completeExceptionally(ex);
					}
				}, "demo-platform-registration");
				thread.setDaemon(true);
				thread.start();
			}
			return this.attempt;
		}
	}

	/** The tool's registration URL carrying a newly issued registration token (and the secret: keep it here). */
	private URI registrationUrl() {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("openid_configuration", this.sites.platform(OPENID_CONFIGURATION_PATH));
		values.put("registration_token", this.tokens.issue());
		UriComponentsBuilder url = UriComponentsBuilder.fromUriString(this.sites.tool("/lti/register"))
			.queryParam("openid_configuration", "{openid_configuration}")
			.queryParam("registration_token", "{registration_token}");
		if (!this.registrationSecret.isEmpty()) {
			values.put("key", this.registrationSecret);
			url.queryParam("key", "{key}");
		}
		return url.encode().buildAndExpand(values).toUri();
	}

	private RegistrationState register() {
		String toolUrl = this.sites.toolUrl();
		try {
			Optional<String> before = current().map(ToolRegistration::clientId);
			HttpResponse<String> response = this.http.send(
					HttpRequest.newBuilder(registrationUrl()).timeout(Duration.ofSeconds(60)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			Optional<ToolRegistration> after = current().filter(now -> !before.equals(Optional.of(now.clientId())));
			if (response.statusCode() == 200 && after.isPresent()) {
				this.lastFailure = null;
				log.info("Demo platform: registered the tool at {} (client_id {}, deployment_id {}); try it at {}",
						toolUrl, after.get().clientId(), after.get().deploymentId(), this.sites.platform("/demo"));
				return RegistrationState.REGISTERED;
			}
			return failed(toolUrl, "the tool answered HTTP " + response.statusCode()
					+ (after.isEmpty() ? " and did not register" : "") + ": " + abbreviate(response.body()));
		}
		catch (IOException ex) {
			return failed(toolUrl, "the tool did not answer (" + ex + ")");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return failed(toolUrl, "interrupted");
		}
		catch (RuntimeException ex) {
			return failed(toolUrl, ex.toString());
		}
	}

	private RegistrationState failed(String toolUrl, String why) {
		// Shown on the home page and logged: an exception's text may quote the URL, secret and all.
		String reason = this.registrationSecret.isEmpty() ? why
				: why.replace(this.registrationSecret, "[secret]")
					.replace(UriUtils.encodeQueryParam(this.registrationSecret, StandardCharsets.UTF_8), "[secret]");
		this.lastFailure = reason;
		if (this.closed) {
			log.debug("Demo platform: registration stopped by shutdown: {}", reason);
		}
		else {
			log.warn("Demo platform: could not register the tool at {}: {}. The demo launches need it: once the tool "
					+ "answers, use 'Register the tool again' at {}", toolUrl, reason, this.sites.platform("/demo"));
		}
		return RegistrationState.FAILED;
	}

	private static String abbreviate(String body) {
		String text = (body != null) ? body.replaceAll("\\s+", " ").strip() : "";
		return (text.length() > 200) ? text.substring(0, 200) + "…" : text;
	}

	@Override
	public void destroy() {
		this.closed = true;
	}

}
