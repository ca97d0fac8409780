package org.coachapproach.lti.http;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import org.coachapproach.lti.LtiProperties;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The tool's public URLs. From {@code coachapproach.lti.base-url} when set; otherwise from the
 * request, honouring {@code X-Forwarded-*} from a TLS-terminating proxy. Plain http is only
 * accepted for loopback hosts.
 */
@Component
public class ToolUrls {

	public static final String LOGIN = "/lti/login";

	public static final String LAUNCH = "/lti/launch";

	public static final String JWKS = "/lti/jwks";

	public static final String REGISTER = "/lti/register";

	private final String configured;

	ToolUrls(LtiProperties properties) {
		String configured = properties.lti().baseUrl();
		this.configured = StringUtils.hasText(configured) ? stripSlash(configured) : null;
		if (this.configured != null) {
			requireSecure(URI.create(this.configured));
		}
	}

	/** The public origin-plus-context-path, e.g. {@code https://coach.example.edu}. */
	public String base(HttpServletRequest request) {
		if (this.configured != null) {
			return this.configured;
		}
		String base = stripSlash(ServletUriComponentsBuilder.fromContextPath(request).replaceQuery(null).toUriString());
		requireSecure(URI.create(base));
		return base;
	}

	public String url(HttpServletRequest request, String path) {
		return base(request) + path;
	}

	/** Whether {@code uri} points into this tool (same origin and path prefix). */
	public boolean isToolUrl(HttpServletRequest request, String uri) {
		String base = base(request);
		return uri != null && (uri.equals(base) || uri.startsWith(base + "/"));
	}

	public static void requireSecure(URI uri) {
		if ("https".equalsIgnoreCase(uri.getScheme())) {
			return;
		}
		if ("http".equalsIgnoreCase(uri.getScheme()) && isLoopback(uri.getHost())) {
			return;
		}
		throw new InsecureUrlException(uri);
	}

	public static boolean isLoopback(String host) {
		return host != null && (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]")
				|| host.equals("::1") || host.endsWith(".localhost"));
	}

	/** Origin of a URL ({@code scheme://host[:port]}), or {@code null} when it has none. */
	public static String origin(String url) {
		try {
			URI uri = URI.create(url);
			if (uri.getScheme() == null || uri.getHost() == null) {
				return null;
			}
			return uri.getScheme().toLowerCase() + "://" + uri.getHost().toLowerCase()
					+ (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static String stripSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	/** A URL the tool would publish or trust without TLS on a non-loopback host. */
	public static class InsecureUrlException extends IllegalStateException {

		InsecureUrlException(URI uri) {
			super("Plain http is only accepted for loopback hosts, not " + uri);
		}

	}

}
