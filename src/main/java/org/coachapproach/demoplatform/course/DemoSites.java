package org.coachapproach.demoplatform.course;

import java.net.URI;
import java.util.Locale;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Where the platform and the tool live. Both run on this server's port but on different
 * sites ({@code 127.0.0.1} and {@code localhost}), so that the browser treats the tool in the
 * course page as a third party, as it would inside Canvas.
 */
@Component
@ConditionalOnBooleanProperty("coachapproach.demo.enabled")
public class DemoSites implements ApplicationListener<WebServerInitializedEvent> {

	private final String configuredPlatformUrl;

	private final String configuredToolUrl;

	private volatile int port;

	DemoSites(DemoPlatformProperties properties) {
		this.configuredPlatformUrl = withoutTrailingSlash(properties.platformUrl());
		this.configuredToolUrl = withoutTrailingSlash(properties.toolUrl());
	}

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		// Only the main server: a separate management server has a namespace.
		if (!StringUtils.hasText(event.getApplicationContext().getServerNamespace())) {
			this.port = event.getWebServer().getPort();
		}
	}

	/** Whether both URLs are known: configured, or the web server has started. */
	public boolean known() {
		return this.port > 0 || (!this.configuredPlatformUrl.isEmpty() && !this.configuredToolUrl.isEmpty());
	}

	/** The platform's base URL, also its issuer: {@code http://127.0.0.1:<port>} unless configured. */
	public String platformUrl() {
		return this.configuredPlatformUrl.isEmpty() ? "http://127.0.0.1:" + requiredPort() : this.configuredPlatformUrl;
	}

	/** The tool's base URL: {@code http://localhost:<port>} unless configured. */
	public String toolUrl() {
		return this.configuredToolUrl.isEmpty() ? "http://localhost:" + requiredPort() : this.configuredToolUrl;
	}

	public String issuer() {
		return platformUrl();
	}

	public String platformOrigin() {
		return origin(platformUrl());
	}

	public String toolOrigin() {
		return origin(toolUrl());
	}

	/** A platform URL, {@code path} starting with {@code /demo}. */
	public String platform(String path) {
		return platformUrl() + path;
	}

	/** A tool URL, {@code path} starting with {@code /lti}. */
	public String tool(String path) {
		return toolUrl() + path;
	}

	/** {@code scheme://host[:port]} of an absolute URL, lower case, without a default port. */
	public static String origin(String url) {
		URI uri = URI.create(url);
		String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
		int port = uri.getPort();
		boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80)
				|| ("https".equals(scheme) && port == 443);
		return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
	}

	private int requiredPort() {
		if (this.port <= 0) {
			throw new IllegalStateException("The web server has not started yet: the demo platform's and the tool's "
					+ "URLs are not known (set coachapproach.demo.platform-url and coachapproach.demo.tool-url)");
		}
		return this.port;
	}

	private static String withoutTrailingSlash(String url) {
		String trimmed = (url != null) ? url.strip() : "";
		while (trimmed.endsWith("/")) {
			trimmed = trimmed.substring(0, trimmed.length() - 1);
		}
		return trimmed;
	}

}
