package org.coachapproach.demoplatform;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Just enough of an LTI tool to go through Dynamic Registration, on its own port: its
 * {@code /lti/register} fetches the platform's openid configuration and posts a registration
 * with the token it was given, as the Coach Approach tool does.
 */
final class StubTool {

	private final HttpServer server;

	private final HttpClient client = HttpClient.newHttpClient();

	/** The openid_configuration URLs it was sent. */
	final List<String> configurationUrls = new CopyOnWriteArrayList<>();

	/** The platform's answers to its registrations, oldest first. */
	final List<Map<String, Object>> registrations = new CopyOnWriteArrayList<>();

	private StubTool() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(0), 0);
		this.server.createContext("/lti/register", this::register);
		this.server.setExecutor(Executors.newCachedThreadPool());
		this.server.start();
	}

	static StubTool start() {
		try {
			return new StubTool();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String url() {
		return "http://localhost:" + this.server.getAddress().getPort();
	}

	Map<String, Object> latestRegistration() {
		return this.registrations.get(this.registrations.size() - 1);
	}

	void stop() {
		this.server.stop(0);
	}

	private void register(HttpExchange exchange) throws IOException {
		try {
			Map<String, String> query = PlatformHttp.queryParameters(exchange.getRequestURI().toString());
			String configurationUrl = query.get("openid_configuration");
			this.configurationUrls.add(configurationUrl);
			Map<String, Object> configuration = PlatformHttp.json(this.client
				.send(HttpRequest.newBuilder(URI.create(configurationUrl)).build(), HttpResponse.BodyHandlers.ofString())
				.body());
			HttpResponse<String> answer = this.client.send(
					HttpRequest.newBuilder(URI.create((String) configuration.get("registration_endpoint")))
						.header("Content-Type", "application/json")
						.header("Authorization", "Bearer " + query.get("registration_token"))
						.POST(HttpRequest.BodyPublishers.ofString(PlatformHttp.toolConfiguration(url())))
						.build(),
					HttpResponse.BodyHandlers.ofString());
			if (answer.statusCode() != 200) {
				respond(exchange, 502, "The platform refused: " + answer.body());
				return;
			}
			this.registrations.add(PlatformHttp.json(answer.body()));
			respond(exchange, 200, "<!DOCTYPE html><html lang=\"en\"><title>Registered</title><script>"
					+ "(window.opener || window.parent).postMessage({subject: 'org.imsglobal.lti.close'}, '*');"
					+ "</script></html>");
		}
		catch (Exception ex) {
			respond(exchange, 500, ex.toString());
		}
	}

	private static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
