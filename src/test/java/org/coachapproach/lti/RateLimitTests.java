package org.coachapproach.lti;

import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.coachapproach.lti.registration.Registrations;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Login initiation and Dynamic Registration over real HTTP, with small limits: the request
 * over the limit is refused with 429, {@code Retry-After} and the error page, and writes nothing.
 * No demo platform: it registers itself at start-up, from this same address.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "coachapproach.demo.enabled=false", "coachapproach.rate-limit.login.capacity=3", "coachapproach.rate-limit.login.period=PT1H",
				"coachapproach.rate-limit.register.capacity=2", "coachapproach.rate-limit.register.period=PT1H" })
class RateLimitTests {

	@LocalServerPort
	int port;

	@Autowired
	Registrations registrations;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MessageSource messages;

	@Test
	void shouldRefuseTheLoginOverTheLimitWithRetryAfterAndWriteNoLoginState() throws Exception {
		try (TestPlatform platform = new TestPlatform()) {
			platform.registerWith(this.registrations);
			Browser browser = new Browser();
			String hint = "limited-" + System.nanoTime();
			String login = tool("/lti/login?iss=" + platform.issuer() + "&login_hint=" + hint + "&client_id="
					+ TestPlatform.CLIENT_ID + "&target_link_uri=" + tool("/lti/launch"));

			for (int i = 0; i < 3; i++) {
				assertThat(browser.get(login).statusCode()).isEqualTo(302);
			}
			assertThat(loginStates(hint)).isEqualTo(3);

			HttpResponse<String> refused = browser.get(login);

			assertThat(refused.statusCode()).isEqualTo(429);
			assertThat(refused.headers().firstValue("Retry-After").map(Long::parseLong)).hasValueSatisfying(
					seconds -> assertThat(seconds).isBetween(1L, 1200L));
			assertThat(refused.body()).contains(message("error.429.title")).contains(message("error.429.text"));
			assertThat(loginStates(hint)).isEqualTo(3);
		}
	}

	@Test
	void shouldRefuseTheRegistrationOverTheLimitBeforeCallingThePlatform() throws Exception {
		AtomicInteger configurationReads = new AtomicInteger();
		HttpServer platform = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		String origin = "http://127.0.0.1:" + platform.getAddress().getPort();
		platform.createContext("/config", exchange -> {
			configurationReads.incrementAndGet();
			Exchanges.json(exchange, 200, """
					{"issuer":"%1$s","authorization_endpoint":"%1$s/auth","registration_endpoint":"%1$s/register",
					 "jwks_uri":"%1$s/jwks","token_endpoint":"%1$s/token"}
					""".formatted(origin));
		});
		AtomicInteger clients = new AtomicInteger();
		platform.createContext("/register",
				exchange -> Exchanges.json(exchange, 200, "{\"client_id\":\"limited-client-" + clients.incrementAndGet() + "\"}"));
		platform.start();
		try {
			Browser browser = new Browser();
			String register = tool("/lti/register?openid_configuration=" + origin + "/config&registration_token=t");

			for (int i = 0; i < 2; i++) {
				assertThat(browser.get(register).statusCode()).isEqualTo(200);
			}
			assertThat(this.registrations.findByIssuer(origin)).hasSize(2);

			HttpResponse<String> refused = browser.get(register);

			assertThat(refused.statusCode()).isEqualTo(429);
			assertThat(refused.headers().firstValue("Retry-After")).isPresent();
			assertThat(refused.body()).contains(message("error.429.text"));
			assertThat(configurationReads).hasValue(2);
			assertThat(this.registrations.findByIssuer(origin)).hasSize(2);
		}
		finally {
			platform.stop(0);
		}
	}

	private long loginStates(String hint) {
		return this.jdbc.sql("SELECT COUNT(*) FROM lti_login_state WHERE login_hint = ?").param(hint).query(Long.class)
			.single();
	}

	private String message(String key) {
		return HtmlUtils.htmlEscape(this.messages.getMessage(key, null, Locale.ENGLISH));
	}

	private String tool(String path) {
		return "http://localhost:" + this.port + path;
	}

}
