package org.coachapproach.lti;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;

/**
 * Answers of the stub servers that tests and load drivers run on loopback (platforms, tools):
 * a status, a content type and a body, written whole.
 */
public final class Exchanges {

	private Exchanges() {
	}

	public static void json(HttpExchange exchange, int status, String body) throws IOException {
		send(exchange, status, "application/json", body);
	}

	public static void html(HttpExchange exchange, int status, String body) throws IOException {
		send(exchange, status, "text/html; charset=utf-8", body);
	}

	public static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
