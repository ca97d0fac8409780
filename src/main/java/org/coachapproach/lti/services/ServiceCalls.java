package org.coachapproach.lti.services;

import java.io.IOException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.coachapproach.lti.http.LocalAddresses;
import org.coachapproach.lti.http.PlatformHttp;
import org.coachapproach.lti.registration.Registration;

/** HTTP to a platform's services: bounded calls, refusals as {@link ServiceCallException}, RFC 8288 paging. */
final class ServiceCalls {

	static final Duration DEADLINE = Duration.ofSeconds(20);

	private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;[^,]*rel=\"?next\"?", Pattern.CASE_INSENSITIVE);

	private ServiceCalls() {
	}

	/** A 2xx answer, or the refusal. */
	static PlatformHttp.Answer call(Registration registration, HttpRequest request, int maxBytes, Clock clock)
			throws ServiceCallException {
		refuseLocal(request, CourseServices.isLocal(URI.create(registration.issuer()).getHost()), LocalAddresses.SYSTEM);
		PlatformHttp.Answer answer;
		try {
			answer = PlatformHttp.send(request, maxBytes, DEADLINE);
		}
		catch (IOException ex) {
			// No exception text: it would tell whoever reads it how a host answered (a port scan).
			throw new ServiceCallException(0, request.method() + " " + request.uri() + ": the platform could not be reached",
					null);
		}
		if (!answer.ok()) {
			String body = answer.text();
			throw new ServiceCallException(answer.status(),
					request.method() + " " + request.uri() + " answered " + answer.status() + ": "
							+ (body.length() > 500 ? body.substring(0, 500) : body),
					answer.header("Retry-After").map(value -> retryAfter(value, clock)).orElse(null));
		}
		return answer;
	}

	/**
	 * Refuses a call to this machine or a private network, however the URL names it, unless the
	 * platform itself is there (the demo platform, tests, a platform on the institution's own
	 * network named by address). The name is looked up right before the call, and the JDK
	 * caches the answer (30 s by default), so the connection goes to the address checked here;
	 * the JDK's client cannot be pinned to an address, so a DNS answer that changes in the
	 * instant between the cached entry's expiry and the connection could still slip through.
	 */
	static void refuseLocal(HttpRequest request, boolean localPlatform, LocalAddresses.Resolver resolver)
			throws ServiceCallException {
		if (localPlatform) {
			return;
		}
		String host = request.uri().getHost();
		try {
			if (host == null || CourseServices.isLocal(host) || LocalAddresses.resolvesToLocal(host, resolver)) {
				throw new ServiceCallException(400, request.method() + " " + request.uri()
						+ ": on this machine or a private network, and the platform is not", null);
			}
		}
		catch (UnknownHostException ex) {
			throw new ServiceCallException(0, request.method() + " " + request.uri() + ": the platform could not be reached",
					null);
		}
	}

	/** {@code Retry-After} as seconds or an HTTP date (RFC 9110 §10.2.3); {@code null} if unreadable. */
	static Duration retryAfter(String value, Clock clock) {
		String text = value.trim();
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(text)));
		}
		catch (NumberFormatException ex) {
			try {
				Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
				Duration wait = Duration.between(clock.instant(), at);
				return wait.isNegative() ? Duration.ZERO : wait;
			}
			catch (DateTimeParseException unreadable) {
				return null;
			}
		}
	}

	/** The {@code rel="next"} link of a page, if any. */
	static Optional<String> next(PlatformHttp.Answer answer) {
		for (String link : answer.headers().allValues("Link")) {
			Matcher matcher = NEXT.matcher(link);
			if (matcher.find()) {
				return Optional.of(matcher.group(1));
			}
		}
		return Optional.empty();
	}

	/**
	 * Whether {@code url} lies under {@code container}: same scheme, host and port, and a path
	 * inside the container's (queries ignored). Links and ids a platform returns must stay in
	 * the service the launch named, so a platform cannot steer the tool (and its token) elsewhere.
	 */
	static boolean under(String url, String container) {
		try {
			URI uri = URI.create(url);
			URI base = URI.create(container);
			String path = uri.getRawPath() == null ? "" : uri.getRawPath();
			String basePath = base.getRawPath() == null ? "" : base.getRawPath();
			basePath = basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath;
			return uri.getScheme() != null && uri.getScheme().equalsIgnoreCase(base.getScheme()) && uri.getHost() != null
					&& uri.getHost().equalsIgnoreCase(base.getHost()) && uri.getPort() == base.getPort()
					&& (path.equals(basePath) || path.startsWith(basePath + "/")) && !path.contains("/../");
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/** Same scheme, host and port. */
	static boolean sameOrigin(String url, String other) {
		try {
			URI uri = URI.create(url);
			URI base = URI.create(other);
			return uri.getScheme() != null && uri.getScheme().equalsIgnoreCase(base.getScheme()) && uri.getHost() != null
					&& uri.getHost().equalsIgnoreCase(base.getHost()) && uri.getPort() == base.getPort();
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/** {@code url} with a query parameter added (encoded), keeping any query it has. */
	static String withParameter(String url, String name, String value) {
		String encoded = java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
		int fragment = url.indexOf('#');
		String base = fragment < 0 ? url : url.substring(0, fragment);
		return base + (base.contains("?") ? "&" : "?") + name + "=" + encoded;
	}

	/** {@code url} with a path segment appended before its query (a line item's {@code /scores}). */
	static String withPath(String url, String segment) {
		int query = url.indexOf('?');
		String path = query < 0 ? url : url.substring(0, query);
		String rest = query < 0 ? "" : url.substring(query);
		return (path.endsWith("/") ? path.substring(0, path.length() - 1) : path) + segment + rest;
	}

}
