package org.coachapproach.lti.services;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.coachapproach.lti.Exchanges;
import org.coachapproach.lti.TestPlatform;

/**
 * A platform's service endpoints over real HTTP, for the tool's AGS and NRPS clients: a token
 * endpoint that checks the client assertion against the tool's published JWKS, line items with
 * paging, scores, and a paged roster; each can be made to fail on demand.
 */
final class StubPlatformServices implements AutoCloseable {

	/** The issuer to register the stub under: a platform on this machine (the tool accepts loopback service URLs only from one). */
	static final String ISSUER = "http://127.0.0.1";

	record Fault(int status, String retryAfter) {
	}

	private final HttpServer server;

	private final HttpClient http = HttpClient.newHttpClient();

	private volatile String toolJwksUrl;

	private final Map<String, Set<String>> tokens = new ConcurrentHashMap<>();

	final List<Map<String, Object>> lineItems = new CopyOnWriteArrayList<>();

	/** How long creating a line item takes here: widens the window in which two workers could both create one. */
	volatile Duration lineItemCreation = Duration.ZERO;

	final List<Map<String, Object>> scores = new CopyOnWriteArrayList<>();

	final AtomicInteger tokenRequests = new AtomicInteger();

	final AtomicInteger scoreRequests = new AtomicInteger();

	/** Roster reads begun (first pages asked for with a valid token). */
	final AtomicInteger rosterReads = new AtomicInteger();

	final ConcurrentLinkedQueue<Fault> tokenFaults = new ConcurrentLinkedQueue<>();

	final ConcurrentLinkedQueue<Fault> scoreFaults = new ConcurrentLinkedQueue<>();

	final List<Map<String, Object>> members = new CopyOnWriteArrayList<>();

	volatile int rosterPageSize = 2;

	/** A roster page (0-based) that answers 500, or -1. */
	volatile int failingRosterPage = -1;

	volatile long tokenLifetimeSeconds = 3600;

	StubPlatformServices() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(16));
		this.server.createContext("/token", this::token);
		this.server.createContext("/courses/7/line_items", this::lineItems);
		this.server.createContext("/courses/7/memberships", this::memberships);
		this.server.start();
	}

	String url(String path) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
	}

	void trustTool(String jwksUrl) {
		this.toolJwksUrl = jwksUrl;
	}

	/** Every token handed out so far stops working (as after a platform-side revocation). */
	void revokeTokens() {
		this.tokens.clear();
	}

	Map<String, Object> addLineItem(String label, double scoreMaximum, String resourceId, String tag) {
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("id", url("/courses/7/line_items/" + (this.lineItems.size() + 1)));
		item.put("label", label);
		item.put("scoreMaximum", scoreMaximum);
		if (resourceId != null) {
			item.put("resourceId", resourceId);
		}
		if (tag != null) {
			item.put("tag", tag);
		}
		this.lineItems.add(item);
		return item;
	}

	void addMember(String userId, String name, String status, String... roles) {
		this.members.add(Map.of("user_id", userId, "name", name, "status", status, "roles", List.of(roles)));
	}

	private void token(HttpExchange exchange) throws IOException {
		this.tokenRequests.incrementAndGet();
		Fault fault = this.tokenFaults.poll();
		if (fault != null) {
			send(exchange, fault.status(), "{\"error\":\"temporarily_unavailable\"}", fault.retryAfter());
			return;
		}
		Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
		try {
			if (!"client_credentials".equals(form.get("grant_type"))
					|| !"urn:ietf:params:oauth:client-assertion-type:jwt-bearer".equals(form.get("client_assertion_type"))) {
				send(exchange, 400, "{\"error\":\"unsupported_grant_type\"}", null);
				return;
			}
			SignedJWT assertion = SignedJWT.parse(form.get("client_assertion"));
			RSAKey key = toolKeys().getKeyByKeyId(assertion.getHeader().getKeyID()).toRSAKey();
			JWTClaimsSet claims = assertion.getJWTClaimsSet();
			boolean valid = assertion.verify(new RSASSAVerifier(key))
					&& TestPlatform.CLIENT_ID.equals(claims.getIssuer()) && TestPlatform.CLIENT_ID.equals(claims.getSubject())
					&& claims.getAudience().contains(url("/token")) && claims.getExpirationTime().after(new Date())
					&& claims.getJWTID() != null;
			if (!valid) {
				send(exchange, 401, "{\"error\":\"invalid_client\"}", null);
				return;
			}
		}
		catch (Exception ex) {
			send(exchange, 401, "{\"error\":\"invalid_client\",\"error_description\":\"" + ex.getClass().getSimpleName() + "\"}",
					null);
			return;
		}
		String token = UUID.randomUUID().toString();
		Set<String> scopes = Set.of(form.getOrDefault("scope", "").split(" "));
		this.tokens.put(token, scopes);
		send(exchange, 200, JSONObjectUtils.toJSONString(Map.of("access_token", token, "token_type", "Bearer", "expires_in",
				this.tokenLifetimeSeconds, "scope", String.join(" ", scopes))), null);
	}

	private void lineItems(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		if (path.endsWith("/scores")) {
			scores(exchange);
			return;
		}
		if (!authorized(exchange, CourseService.LINE_ITEM_SCOPE)
				&& !authorized(exchange, CourseService.LINE_ITEM_READ_SCOPE)) {
			send(exchange, 401, "{}", null);
			return;
		}
		if (exchange.getRequestMethod().equals("POST")) {
			try {
				Thread.sleep(this.lineItemCreation.toMillis());
				Map<String, Object> body = JSONObjectUtils.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
				Map<String, Object> item = addLineItem((String) body.get("label"), ((Number) body.get("scoreMaximum")).doubleValue(),
						(String) body.get("resourceId"), (String) body.get("tag"));
				send(exchange, 201, JSONObjectUtils.toJSONString(item), null);
			}
			catch (java.text.ParseException ex) {
				send(exchange, 400, "{}", null);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				send(exchange, 503, "{}", null);
			}
			return;
		}
		if (!path.equals("/courses/7/line_items")) {
			String id = url(path);
			Map<String, Object> item = this.lineItems.stream().filter(i -> i.get("id").equals(id)).findFirst().orElse(null);
			send(exchange, item == null ? 404 : 200, item == null ? "{}" : JSONObjectUtils.toJSONString(item), null);
			return;
		}
		Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
		List<Map<String, Object>> matching = this.lineItems.stream()
			.filter(i -> query.get("resource_id") == null || query.get("resource_id").equals(i.get("resourceId")))
			.toList();
		// One item per page, so that the tool's paging is exercised.
		int page = Integer.parseInt(query.getOrDefault("page", "0"));
		List<Map<String, Object>> shown = matching.stream().skip(page).limit(1).toList();
		if (page + 1 < matching.size()) {
			exchange.getResponseHeaders().add("Link", "<" + url("/courses/7/line_items?resource_id="
					+ query.getOrDefault("resource_id", "") + "&page=" + (page + 1)) + ">; rel=\"next\"");
		}
		send(exchange, 200, net.minidev.json.JSONValue.toJSONString(shown), null);
	}

	private void scores(HttpExchange exchange) throws IOException {
		this.scoreRequests.incrementAndGet();
		if (!authorized(exchange, CourseService.SCORE_SCOPE)) {
			send(exchange, 401, "{\"error\":\"invalid_token\"}", null);
			return;
		}
		Fault fault = this.scoreFaults.poll();
		if (fault != null) {
			send(exchange, fault.status(), "{\"errors\":[{\"message\":\"fault " + fault.status() + "\"}]}", fault.retryAfter());
			return;
		}
		if (!"application/vnd.ims.lis.v1.score+json".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
			send(exchange, 415, "{}", null);
			return;
		}
		try {
			Map<String, Object> score = new LinkedHashMap<>(
					JSONObjectUtils.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
			score.put("lineItem", url(exchange.getRequestURI().getPath().replace("/scores", "")));
			this.scores.add(score);
			send(exchange, 200, "{}", null);
		}
		catch (java.text.ParseException ex) {
			send(exchange, 400, "{}", null);
		}
	}

	private void memberships(HttpExchange exchange) throws IOException {
		if (!authorized(exchange, CourseService.ROSTER_SCOPE)) {
			send(exchange, 401, "{}", null);
			return;
		}
		int page = Integer.parseInt(form(exchange.getRequestURI().getRawQuery()).getOrDefault("page", "0"));
		if (page == 0) {
			this.rosterReads.incrementAndGet();
		}
		if (page == this.failingRosterPage) {
			send(exchange, 500, "{\"error\":\"page failed\"}", null);
			return;
		}
		int size = this.rosterPageSize;
		List<Map<String, Object>> shown = this.members.stream().skip((long) page * size).limit(size).toList();
		if ((page + 1) * size < this.members.size()) {
			exchange.getResponseHeaders().add("Link", "<" + url("/courses/7/memberships?page=" + (page + 1)) + ">; rel=\"next\"");
		}
		send(exchange, 200, JSONObjectUtils.toJSONString(Map.of("id", url("/courses/7/memberships"), "context",
				Map.of("id", "course-7", "title", "Mentor Training 2026"), "members", new ArrayList<>(shown))), null);
	}

	private boolean authorized(HttpExchange exchange, String scope) {
		String header = exchange.getRequestHeaders().getFirst("Authorization");
		if (header == null || !header.startsWith("Bearer ")) {
			return false;
		}
		Set<String> scopes = this.tokens.get(header.substring(7));
		return scopes != null && scopes.contains(scope);
	}

	private JWKSet toolKeys() throws Exception {
		HttpResponse<String> answer = this.http.send(HttpRequest.newBuilder(URI.create(this.toolJwksUrl)).build(),
				HttpResponse.BodyHandlers.ofString());
		return JWKSet.parse(answer.body());
	}

	private static Map<String, String> form(String body) {
		Map<String, String> form = new LinkedHashMap<>();
		if (body == null || body.isEmpty()) {
			return form;
		}
		Arrays.stream(body.split("&")).map(pair -> pair.split("=", 2)).forEach(pair -> form.put(
				URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
				pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : ""));
		return form;
	}

	private static void send(HttpExchange exchange, int status, String body, String retryAfter) throws IOException {
		if (retryAfter != null) {
			exchange.getResponseHeaders().add("Retry-After", retryAfter);
		}
		Exchanges.json(exchange, status, body);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
